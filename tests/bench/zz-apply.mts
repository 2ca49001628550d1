import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import { applyPacked } from '../../electron/core/db/apply-events';
import { packEvents } from '../../electron/core/db/packed-batch';
import { rawPositionInsert } from './raw-insert';
const ROWS = 1_000_000,
  CLIENTS = 10_000,
  T0 = Date.parse('2026-08-01T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'zz-'));
console.log('raw', rawPositionInsert(dir, ROWS, T0).toFixed(2));
const db = openDatabase(join(dir, 's.db'));

let pack = 0,
  apply = 0,
  gen = 0;
for (let first = 0; first < ROWS; first += 20000) {
  let t = performance.now();
  const events = [];
  for (let i = first; i < first + 20000; i++) {
    const at = T0 + Math.floor(i / CLIENTS) * 60000;
    events.push({
      seq: i + 1,
      at: '',
      type: 'position',
      data: {
        id: `p${i}`,
        deviceId: 'd1',
        clientId: `c${i % CLIENTS}`,
        at: new Date(at).toISOString(),
        receivedAt: new Date(at + 800).toISOString(),
        lat: 56.95,
        lon: 24.11,
        accuracyM: 8,
        speedKmh: 4,
        source: 'gps',
      },
    });
  }
  gen += performance.now() - t;
  t = performance.now();
  const b = packEvents(events as never);
  pack += performance.now() - t;
  t = performance.now();
  applyPacked(db, b);
  apply += performance.now() - t;
}
console.log({ gen: gen.toFixed(0), pack: pack.toFixed(0), apply: apply.toFixed(0) });
