import type { Database } from 'better-sqlite3';
import type { Client, Device, JournalEntry } from '../../../../shared/central/records';
import type { RegisterRow } from '../../../../shared/domain/clients';
import { lastPositions } from './positions';
import { statement } from '../statements';

const REGISTER_SQL = `SELECT c.json AS client,
    (SELECT json_group_array(json_extract(a.json, '$.type')) FROM alerts a WHERE a.client_id = c.id AND a.state <> 'resolved') AS openTypes,
    (SELECT json_group_array(json(d.json)) FROM devices d WHERE d.client_id = c.id) AS devices
  FROM clients c ORDER BY c.display_name`;

/** Every client in the cache with what the register shows of them. */
export function clientRegister(db: Database): RegisterRow[] {
  const fixes = new Map(lastPositions(db).map((p) => [p.clientId, p.at]));
  const rows = statement(db, REGISTER_SQL).all() as {
    client: string;
    openTypes: string;
    devices: string;
  }[];
  return rows.map((row) => {
    const c = JSON.parse(row.client) as Client;
    const devices = JSON.parse(row.devices) as Device[];
    const seen = devices.map((d) => d.lastSeenAt).filter((at): at is string => at !== null);
    const fixAt = fixes.get(c.id) ?? null;
    const contact = [...seen, ...(fixAt ? [fixAt] : [])].sort().at(-1) ?? null;
    const batteries = devices.map((d) => d.batteryPct).filter((pct): pct is number => pct !== null);
    return {
      id: c.id,
      name: c.displayName,
      caseNumber: c.caseNumber,
      supervisionType: c.supervisionType,
      riskLevel: c.riskLevel,
      flags: c.flags,
      territorialUnit: c.territorialUnit,
      phone: c.phone,
      address: c.home?.address ?? null,
      status: c.status,
      deviceSerials: devices.map((d) => d.serial),
      openTypes: JSON.parse(row.openTypes) as string[],
      deviceFault: devices.some((d) => d.state === 'fault'),
      lastFixAt: fixAt,
      lastContactAt: contact,
      batteryPct: batteries.length ? Math.min(...batteries) : null,
    };
  });
}

/** Journal entries that name a client, newest first. */
export function journalForClient(db: Database, clientId: string, limit = 200) {
  return (
    statement(
      db,
      `SELECT e.json FROM journal_refs r JOIN journal_entries e ON e.id = r.entry_id
       WHERE r.kind = 'client' AND r.ref_id = ? ORDER BY e.at DESC LIMIT ?`,
    ).all(clientId, limit) as { json: string }[]
  ).map((row) => JSON.parse(row.json) as JournalEntry);
}
