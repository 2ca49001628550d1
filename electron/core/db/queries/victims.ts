import type { Database } from 'better-sqlite3';
import type { ProtectionOrder, VictimPosition } from '../../../../shared/central/records';
import { statement } from '../statements';

/** A victim unit's fix as kept (immutable: a repeat changes nothing). */
export function putVictimPosition(db: Database, p: VictimPosition): boolean {
  return (
    statement(
      db,
      `INSERT OR IGNORE INTO victim_positions (order_id, at, id, lat, lon, accuracy_m)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(p.orderId, Date.parse(p.at), p.id, p.lat, p.lon, p.accuracyM).changes > 0
  );
}

/** The protection orders against a client (active or not). */
export function ordersOfClient(db: Database, clientId: string): ProtectionOrder[] {
  return (
    statement(db, 'SELECT json FROM protection_orders WHERE client_id = ? ORDER BY id').all(
      clientId,
    ) as { json: string }[]
  ).map((row) => JSON.parse(row.json) as ProtectionOrder);
}

/** Where the victim of an order last was; null when the cache holds no fix of theirs. */
export function lastVictimPosition(db: Database, orderId: string): VictimPosition | null {
  const row = statement(
    db,
    `SELECT id, at, lat, lon, accuracy_m AS accuracyM FROM victim_positions
     WHERE order_id = ? ORDER BY at DESC LIMIT 1`,
  ).get(orderId) as
    { id: string; at: number; lat: number; lon: number; accuracyM: number } | undefined;
  const order = statement(db, 'SELECT json FROM protection_orders WHERE id = ?').get(orderId) as
    { json: string } | undefined;
  if (!row) return null;
  const deviceId = order ? (JSON.parse(order.json) as ProtectionOrder).victimDeviceId : '';
  return { ...row, orderId, deviceId, at: new Date(row.at).toISOString() };
}

/** Victims' fixes older than the cut-off go with the clients' (see the retention job). */
export function purgeVictimPositions(db: Database, beforeMs: number): number {
  return statement(db, 'DELETE FROM victim_positions WHERE at < ?').run(beforeMs).changes;
}

/** The unresolved victim_proximity alerts and their orders: while one is, its victim is shown. */
export function openProximityAlerts(db: Database): { id: string; orderId: string }[] {
  return statement(
    db,
    `SELECT id, json_extract(json, '$.orderId') AS orderId FROM alerts
     WHERE state <> 'resolved' AND json_extract(json, '$.type') = 'victim_proximity'
       AND json_extract(json, '$.orderId') IS NOT NULL`,
  ).all() as { id: string; orderId: string }[];
}
