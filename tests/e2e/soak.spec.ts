import { expect, test } from '@playwright/test';
import { runSoak } from '../soak/soak-run';

// The soak's short version (`npm run soak` is the benchmark): a minute, 1,000 clients, one of each
// fault. It asserts only what must hold: the cache equals the service, every action once.

test('a minute under load with a stream cut, a failing service and a crash: nothing lost, nothing doubled', async ({
  browser,
}) => {
  test.setTimeout(6 * 60_000);
  const lines: string[] = [];
  const result = await runSoak({
    minutes: 1,
    clients: 1000,
    rate: 200,
    browser,
    kills: 1,
    cutS: 10,
    failS: 10,
    burst: 50,
    log: (line) => lines.push(line),
  });
  test
    .info()
    .annotations.push({ type: 'soak', description: [...lines, result.summary].join('\n') });
  expect(result.comparison.differences, lines.join('\n')).toEqual([]);
  expect(result.comparison).toMatchObject({ lost: 0, doubled: 0 });
  expect(result.comparison.positions).toBeGreaterThan(10_000);
  expect(result.unsettled).toBe(0);
  expect(result.taken).toBeGreaterThan(0);
  expect(lines.join('\n')).toMatch(/console killed 1 times and restarted/);
});
