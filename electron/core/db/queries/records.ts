import type { Database } from 'better-sqlite3';
import type {
  Alert,
  Client,
  Device,
  ProtectionOrder,
  Shift,
  Zone,
} from '../../../../shared/central/records';
import { statement } from '../statements';

type SqlValue = string | number | null;

/** Tables whose records carry a `version`. Table and column names only ever come from here. */
const VERSIONED = {
  clients: ['id', 'version', 'display_name', 'case_number', 'risk_rank', 'status', 'json'],
  devices: ['id', 'version', 'client_id', 'kind', 'json'],
  zones: ['id', 'version', 'client_id', 'kind', 'json', 'cached_at'],
  alerts: ['id', 'version', 'client_id', 'state', 'severity_rank', 'raised_at', 'json'],
  shifts: ['id', 'version', 'started_at', 'json'],
  protection_orders: ['id', 'version', 'client_id', 'json'],
} as const;
export type VersionedTable = keyof typeof VERSIONED;

export const severityRank: Record<Alert['severity'], number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};
export const riskRank: Record<Client['riskLevel'], number> = {
  very_high: 0,
  high: 1,
  medium: 2,
  low: 3,
};

function upsertSql(table: VersionedTable): string {
  const columns = VERSIONED[table];
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} WHERE excluded.version > ${table}.version`
  );
}

/**
 * THE version rule (central-api.md): a record replaces the cached one only if its version is
 * strictly higher. Older or equal versions — replays, out-of-order deliveries — change nothing.
 * Returns whether the record was taken.
 */
function upsertVersioned(
  db: Database,
  table: VersionedTable,
  row: Record<string, SqlValue>,
): boolean {
  return statement<[Record<string, SqlValue>]>(db, upsertSql(table)).run(row).changes > 0;
}

export function putClient(db: Database, client: Client): boolean {
  return upsertVersioned(db, 'clients', {
    id: client.id,
    version: client.version,
    display_name: client.displayName,
    case_number: client.caseNumber,
    risk_rank: riskRank[client.riskLevel],
    status: client.status,
    json: JSON.stringify(client),
  });
}

export function putDevice(db: Database, device: Device): boolean {
  return upsertVersioned(db, 'devices', {
    id: device.id,
    version: device.version,
    client_id: device.clientId,
    kind: device.kind,
    json: JSON.stringify(device),
  });
}

export function putProtectionOrder(db: Database, order: ProtectionOrder): boolean {
  return upsertVersioned(db, 'protection_orders', {
    id: order.id,
    version: order.version,
    client_id: order.clientId,
    json: JSON.stringify(order),
  });
}

export function putAlert(db: Database, alert: Alert): boolean {
  return upsertVersioned(db, 'alerts', {
    id: alert.id,
    version: alert.version,
    client_id: alert.clientId,
    state: alert.state,
    severity_rank: severityRank[alert.severity],
    raised_at: alert.raisedAt,
    json: JSON.stringify(alert),
  });
}

export function putShift(db: Database, shift: Shift): boolean {
  return upsertVersioned(db, 'shifts', {
    id: shift.id,
    version: shift.version,
    started_at: shift.startedAt,
    json: JSON.stringify(shift),
  });
}

/** A zone, and which clients it applies to (its own client, or the listed ones if shared). */
export function putZone(db: Database, zone: Zone): boolean {
  const taken = upsertVersioned(db, 'zones', {
    id: zone.id,
    version: zone.version,
    client_id: zone.clientId,
    kind: zone.kind,
    json: JSON.stringify(zone),
    cached_at: Date.now(),
  });
  if (!taken) return false;
  statement(db, 'DELETE FROM zone_clients WHERE zone_id = ?').run(zone.id);
  const clients = zone.clientId === null ? zone.appliesTo : [zone.clientId];
  const link = statement(
    db,
    'INSERT OR IGNORE INTO zone_clients (client_id, zone_id) VALUES (?, ?)',
  );
  for (const clientId of new Set(clients)) link.run(clientId, zone.id);
  recordZoneVersion(db, zone);
  return true;
}

/** Keeps the version a zone now has, ending the one it replaces (see migration 0006). */
function recordZoneVersion(db: Database, zone: Zone): void {
  const from = Date.parse(zone.updatedAt);
  statement(
    db,
    'UPDATE zone_versions SET valid_to = ? WHERE zone_id = ? AND valid_to IS NULL AND version < ?',
  ).run(from, zone.id, zone.version);
  statement(
    db,
    `INSERT OR IGNORE INTO zone_versions (zone_id, version, valid_from, valid_to, json)
     VALUES (?, ?, ?, NULL, ?)`,
  ).run(zone.id, zone.version, from, JSON.stringify(zone));
}

/**
 * A deleted zone stays as a tombstone, so a late replay of an old version cannot revive it; its
 * last version ends at the deletion (the stream's `at`, or when the cache learnt of it).
 */
export function deleteZone(db: Database, id: string, atMs = Date.now()): boolean {
  const deleted =
    statement(db, 'UPDATE zones SET deleted = 1 WHERE id = ? AND deleted = 0').run(id).changes > 0;
  if (deleted)
    statement(
      db,
      'UPDATE zone_versions SET valid_to = ? WHERE zone_id = ? AND valid_to IS NULL',
    ).run(atMs, id);
  return deleted;
}

type RecordIn = {
  clients: Client;
  devices: Device;
  zones: Zone;
  alerts: Alert;
  shifts: Shift;
  protection_orders: ProtectionOrder;
};

/** One record as the cache holds it now (a deleted zone counts as absent); null if unknown. */
export function recordById<T extends VersionedTable>(
  db: Database,
  table: T,
  id: string,
): RecordIn[T] | null {
  const live = table === 'zones' ? ' AND deleted = 0' : '';
  const row = statement(db, `SELECT json FROM ${table} WHERE id = ?${live}`).get(id) as
    { json: string } | undefined;
  return row ? (JSON.parse(row.json) as RecordIn[T]) : null;
}
