import { openDatabase } from './electron/core/db/open-database';
import { applyPacked } from './electron/core/db/apply-events';
import { packEvents } from './electron/core/db/packed-batch';
import { rmSync } from 'node:fs';
const ROWS = 1_000_000, CLIENTS = 10_000, T0 = Date.parse('2026-08-01T00:00:00.000Z');
const packs: any[] = [];
for (let f = 0; f < ROWS; f += 20000) { const evs: any[] = []; for (let i = f; i < f + 20000; i++) { const at = T0 + Math.floor(i / CLIENTS) * 60000; evs.push({ seq: i + 1, at: '', type: 'position', data: { id: `p${i}`, deviceId: 'd1', clientId: `c${i % CLIENTS}`, at: new Date(at).toISOString(), receivedAt: new Date(at + 800).toISOString(), lat: 56.95, lon: 24.11, accuracyM: 8, speedKmh: 4, source: 'gps' } }); } packs.push(packEvents(evs)); }
for (const s of ['', '-wal', '-shm']) rmSync('/tmp/s11.db' + s, { force: true });
const db = openDatabase('/tmp/s11.db');
const t = performance.now();
for (const p of packs) applyPacked(db, p);
console.log('in-thread applyPacked NOLAST=' + (process.env.NOLAST ?? ''), ((performance.now() - t) / 1000).toFixed(2));
