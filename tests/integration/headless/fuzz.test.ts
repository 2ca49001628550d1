import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operationNames } from '../../../shared/api/registry';
import { rawRequest } from '../../helpers/http';
import { startBridge, TOKEN, type Bridge } from './bridge';

const REQUESTS = 10_000;
/** Requests sent together; the cache is compared around each batch. */
const BATCH = 10;
/** Calls that would change who is signed in: fuzzed with malformed bodies only. */
const SESSION_CHANGING = new Set([
  'session.login',
  'session.logout',
  'session.lock',
  'session.unlock',
]);

/** A small deterministic generator, so a failure can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '__proto__',
  'constructor',
  '%',
  '../../etc/passwd',
  'x'.repeat(5000),
  'Rīga',
  '<img src=x>',
  '1e309',
  'null',
];

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return r.pick(ODD_STRINGS);
    case 1:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 65536, Number.MAX_SAFE_INTEGER]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return `id-${r.int(1000)}`;
    case 4:
      return new Date(r.int(2 ** 31) * 1000).toISOString();
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const keys = [
        'clientId',
        'alertId',
        'id',
        'kind',
        'payload',
        'minutes',
        'reason',
        'language',
        'theme',
        'offset',
        'length',
        'hours',
        'username',
        'password',
        'centralUrl',
        'limit',
        'beforeSeq',
        'operatorId',
      ];
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [r.pick(keys), randomValue(r, depth + 1)]),
      );
    }
  }
}

/** One request: a registered or mangled name, a random or malformed body, usually the token. */
function randomRequest(r: Random) {
  const roll = r.next();
  const name =
    roll < 0.8
      ? r.pick(operationNames)
      : roll < 0.9
        ? `${r.pick(operationNames)}${r.pick(['x', '.', '/..', '%2e', '%E0%A4%A', '?a=1'])}`
        : r.pick(['__proto__', 'toString', '', '%', 'alerts.', '.queue', 'a'.repeat(300)]);
  let body: string | undefined;
  const shape = r.int(10);
  if (SESSION_CHANGING.has(name) || shape === 0)
    body = r.pick(['{', '[1,2', 'nul', '"x"', '{"a":}']);
  else if (shape === 1) body = undefined;
  else body = JSON.stringify(randomValue(r));
  const headers: Record<string, string> = {
    'Content-Type': r.int(20) === 0 ? 'text/plain' : 'application/json',
  };
  const auth = r.int(20);
  if (auth > 0) headers.Authorization = `Bearer ${auth === 1 ? 'wrong-token-wrong-token' : TOKEN}`;
  return { path: `/rpc/${name}`, headers, body };
}

/**
 * The whole cache and the settings file as one hash, except the audit rows a refusal writes by
 * design (a failed sign-in or unlock is itself evidence).
 */
function checksum(cacheFile: string): string {
  const hash = createHash('sha256');
  const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      const where = name === 'audit_log' ? " WHERE action NOT LIKE '%\\_failed' ESCAPE '\\'" : '';
      const rows = (db.prepare(`SELECT * FROM "${name}"${where}`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort();
      hash.update(name).update(rows.join('\n'));
    }
  } finally {
    db.close();
  }
  try {
    hash.update(readFileSync(join(dirname(cacheFile), 'settings.json')));
  } catch {
    hash.update('no settings file');
  }
  return hash.digest('hex');
}

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge();
}, 30_000);
afterAll(() => bridge.close());

it('survives 10,000 random and malformed requests from every role: no 5xx fault, and no refused request changes the cache', async () => {
  const r = generator(20261130);
  const callers = [null, 'referent1', 'supervisor1', 'technician1', 'admin1', 'locked'] as const;
  const statuses = new Map<number, number>();
  let sent = 0;
  let verified = 0;
  for (const caller of callers) {
    await bridge.rpc('session.logout', {});
    if (caller === 'locked') {
      await bridge.signIn('referent1');
      await bridge.rpc('session.lock', {});
    } else if (caller !== null) await bridge.signIn(caller);
    const share = Math.ceil(REQUESTS / callers.length);
    for (let done = 0; done < share && sent < REQUESTS; done += BATCH) {
      const before = checksum(bridge.cacheFile);
      const batch = Array.from({ length: Math.min(BATCH, REQUESTS - sent) }, () =>
        randomRequest(r),
      );
      const answers = await Promise.all(
        batch.map((request) => rawRequest(bridge.server.port, { method: 'POST', ...request })),
      );
      sent += batch.length;
      for (const [i, answer] of answers.entries()) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // 503 is an answer (no basemap file); 500 would be a fault in the core.
        expect(answer.status, `${batch[i]!.path} ${batch[i]!.body?.slice(0, 80)}`).not.toBe(500);
        expect(answer.status).toBeLessThan(600);
      }
      // A batch in which every request was refused must leave the cache as it was.
      if (answers.every((answer) => answer.status >= 400)) {
        expect(checksum(bridge.cacheFile), `${caller} batch at ${sent}`).toBe(before);
        verified += batch.length;
      }
    }
  }
  expect(sent).toBe(REQUESTS);
  // Most requests are refused, so most batches are compared (a batch with an answered call is not).
  expect(verified).toBeGreaterThan(REQUESTS / 2);
  console.log(
    `fuzz: ${sent} requests, ${verified} in batches proven not to change the cache; answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
  // Still whole afterwards.
  const info = await bridge.rpc('app.info', {});
  expect(info.status).toBe(200);
  expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
}, 180_000);
