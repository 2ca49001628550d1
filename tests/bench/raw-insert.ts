import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import { bucketOf } from '../../electron/core/db/queries/positions';
import { seconds } from './measure';

/**
 * The baseline every store figure is compared with: `rows` fixes (client i mod 10,000, one a
 * minute each) inserted into a fresh cache's positions table with one prepared statement in one
 * transaction. Returns the seconds it took.
 */
export function rawPositionInsert(
  dir: string,
  rows: number,
  start = Date.parse('2026-08-01T00:00:00.000Z'),
): number {
  const db = openDatabase(join(dir, `raw-${rows}.db`));
  const insert = db.prepare(
    `INSERT INTO positions (bucket, client_id, at, id, device_id, received_at, lat, lon, accuracy_m, speed_kmh, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const at = start + Math.floor(i / 10_000) * 60_000;
      insert.run(
        bucketOf(at),
        `c${i % 10_000}`,
        at,
        `p${i}`,
        'd1',
        at + 800,
        56.95,
        24.11,
        8,
        4,
        'gps',
      );
    }
  })();
  const secs = seconds(started);
  db.close();
  return secs;
}
