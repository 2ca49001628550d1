import { describe, expect, it, vi } from 'vitest';
import { buildConsoleApi, type Transport } from '../../../shared/api/console-api';
import { eventNames, operationNames } from '../../../shared/api/registry';

function recordingTransport(): Transport & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    call: async (name, input) => {
      calls.push([name, input]);
      return name;
    },
    subscribe: vi.fn(() => () => undefined),
  };
}

describe('buildConsoleApi', () => {
  it('offers exactly one method per registered operation, by area and verb', async () => {
    const transport = recordingTransport();
    const api = buildConsoleApi(transport) as unknown as Record<
      string,
      Record<string, () => Promise<unknown>>
    >;
    for (const name of operationNames) {
      const [area, verb] = name.split('.') as [string, string];
      await expect(api[area]![verb]!()).resolves.toBe(name);
    }
    expect(transport.calls.map(([name]) => name)).toEqual(operationNames);
    const offered = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([area, verbs]) => Object.keys(verbs).map((verb) => `${area}.${verb}`));
    expect(offered.sort()).toEqual([...operationNames].sort());
  });

  it('sends an empty object when called without input', async () => {
    const transport = recordingTransport();
    await buildConsoleApi(transport).app.info();
    expect(transport.calls).toEqual([['app.info', {}]]);
  });

  it('subscribes to registered events only', () => {
    const transport = recordingTransport();
    const api = buildConsoleApi(transport);
    for (const event of eventNames) api.on(event, () => undefined);
    expect(transport.subscribe).toHaveBeenCalledTimes(eventNames.length);
    expect(() => api.on('ipc.anything' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
