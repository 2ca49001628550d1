import type { Database } from 'better-sqlite3';
import {
  reportSummarySchema,
  type CommissioningReport,
  type DeviceRow,
  type ReportSummary,
} from '../../../../shared/domain/commissioning';
import type { Device } from '../../../../shared/central/records';
import type { StationReading } from '../../alerts/rules/station-reading';
import { statement } from '../statements';

/** Saves a report (a draft as it grows, then signed) and the devices it names, in one transaction. */
export function saveReport(db: Database, report: CommissioningReport): void {
  db.transaction(() => {
    const existing = statement(db, 'SELECT state FROM commissioning_reports WHERE id = ?').get(
      report.id,
    ) as { state: string } | undefined;
    // A signed report is evidence: nothing changes it afterwards.
    if (existing?.state === 'signed') throw new Error(`Report ${report.id} is signed`);
    statement(
      db,
      `INSERT INTO commissioning_reports (id, station_serial, client_id, state, started_at, signed_at, json)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, signed_at = excluded.signed_at,
         json = excluded.json`,
    ).run(
      report.id,
      report.stationSerial,
      report.clientId,
      report.state,
      report.startedAt,
      report.signedAt,
      JSON.stringify(report),
    );
    statement(db, 'DELETE FROM commissioning_devices WHERE report_id = ?').run(report.id);
    const named = new Set([report.stationSerial, ...report.tags.map((t) => t.deviceId)]);
    for (const deviceId of named)
      statement(db, 'INSERT INTO commissioning_devices (report_id, device_id) VALUES (?, ?)').run(
        report.id,
        deviceId,
      );
  })();
}

export function reportById(db: Database, id: string): CommissioningReport | null {
  const row = statement(db, 'SELECT json FROM commissioning_reports WHERE id = ?').get(id) as
    { json: string } | undefined;
  return row ? (JSON.parse(row.json) as CommissioningReport) : null;
}

/** The draft a technician left for this station and client, to carry on where it stopped. */
export function openDraft(
  db: Database,
  stationSerial: string,
  clientId: string,
): CommissioningReport | null {
  const row = statement(
    db,
    `SELECT json FROM commissioning_reports
     WHERE station_serial = ? AND client_id = ? AND state = 'draft'
     ORDER BY started_at DESC LIMIT 1`,
  ).get(stationSerial, clientId) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as CommissioningReport) : null;
}

/** A report's heading fields (the schema's pick drops the rest). */
const summary = (report: CommissioningReport): ReportSummary => reportSummarySchema.parse(report);

/** Reports for a station (by serial) or a client, newest first; all when neither is given. */
export function listReports(
  db: Database,
  filter: { stationSerial?: string; clientId?: string },
): ReportSummary[] {
  const rows = (
    filter.stationSerial !== undefined
      ? statement(
          db,
          'SELECT json FROM commissioning_reports WHERE station_serial = ? ORDER BY started_at DESC',
        ).all(filter.stationSerial)
      : filter.clientId !== undefined
        ? statement(
            db,
            'SELECT json FROM commissioning_reports WHERE client_id = ? ORDER BY started_at DESC',
          ).all(filter.clientId)
        : statement(
            db,
            'SELECT json FROM commissioning_reports ORDER BY started_at DESC LIMIT 500',
          ).all()
  ) as { json: string }[];
  return rows.map((row) => summary(JSON.parse(row.json) as CommissioningReport));
}

/** Every device in the cache with its client's name and how many reports name it. */
export function deviceRows(db: Database): DeviceRow[] {
  const rows = statement(
    db,
    `SELECT d.json AS device, c.display_name AS clientName, h.json AS heard,
       (SELECT count(*) FROM commissioning_devices r
         WHERE r.device_id = d.id OR r.device_id = json_extract(d.json, '$.serial')) AS reports
     FROM devices d LEFT JOIN clients c ON c.id = d.client_id
       LEFT JOIN device_readings h ON h.device_id = d.id
     ORDER BY json_extract(d.json, '$.serial')`,
  ).all() as { device: string; clientName: string | null; heard: string | null; reports: number }[];
  return rows.map(({ device, clientName, heard, reports }) => {
    const d = JSON.parse(device) as Device;
    return {
      id: d.id,
      serial: d.serial,
      kind: d.kind,
      clientId: d.clientId,
      clientName,
      batteryPct: d.batteryPct,
      lastSeenAt: d.lastSeenAt,
      firmware: d.firmware,
      state: d.state,
      reports,
      heard: heard ? heardOf(JSON.parse(heard) as StationReading) : null,
    };
  });
}

/** What an attached receiver last heard of a device, as the devices list shows it. */
function heardOf(reading: StationReading): NonNullable<DeviceRow['heard']> {
  return {
    at: reading.at,
    strap: reading.kind === 'heartbeat' ? reading.strap : null,
    mains: reading.kind === 'status' ? reading.mains : null,
    caseOpen: reading.kind === 'status' ? reading.caseOpen : null,
    event: reading.kind === 'event' ? reading.code : null,
  };
}

/** A device found by its id or its serial (a station names tags by what is printed on them). */
export function deviceBySerialOrId(db: Database, key: string): Device | null {
  const row = statement(
    db,
    `SELECT json FROM devices WHERE id = ?
     UNION ALL SELECT json FROM devices WHERE json_extract(json, '$.serial') = ? LIMIT 1`,
  ).get(key, key) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as Device) : null;
}

/** What an attached receiver last heard of a device. */
export function recordReading(
  db: Database,
  deviceId: string,
  at: string,
  reading: StationReading,
): void {
  statement(
    db,
    `INSERT INTO device_readings (device_id, heard_at, json) VALUES (?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET heard_at = excluded.heard_at, json = excluded.json`,
  ).run(deviceId, at, JSON.stringify(reading));
}

export function readingOf(
  db: Database,
  deviceId: string,
): { heardAt: string; reading: unknown } | null {
  const row = statement(db, 'SELECT heard_at, json FROM device_readings WHERE device_id = ?').get(
    deviceId,
  ) as { heard_at: string; json: string } | undefined;
  return row ? { heardAt: row.heard_at, reading: JSON.parse(row.json) as unknown } : null;
}
