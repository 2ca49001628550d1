import type { Alert, Schedule, ZoneVersion } from '../../../shared/central/records';
import type { ConsoleDocument } from '../../../shared/domain/commissioning';
import type { Language } from '../../../shared/domain/settings';
import {
  positionSources,
  type Timeline,
  type TimelineWithIds,
} from '../../../shared/domain/timeline';
import { fill } from '../../../shared/format/fill';
import { catalogs } from '../../../shared/i18n';
import { eventText, eventWhat } from '../../../shared/timeline/describe';
import { actionText } from '../../../shared/timeline/merge';
import { csvTable } from './csv';
import { MARGIN, renderPdf, section, type Pdf } from './pdf-document';
import { drawTrack } from './track-drawing';

export interface EvidenceExport {
  timeline: TimelineWithIds;
  exportedBy: { id: string; name: string };
  exportedAt: Date;
  language: Language;
}

/** UTC, to the second: an evidence file must read the same wherever it is opened. */
export const utc = (at: string | number): string =>
  `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}`;

type Words = (typeof catalogs)[Language];

/** An export's file name: what, the case number made safe for a file system, the window's day. */
export const exportFileName = (what: string, t: Pick<Timeline, 'client' | 'from'>, ext: string) =>
  `${what}-${t.client.caseNumber.replace(/[^\w-]+/g, '_')}-${t.from.slice(0, 10)}.${ext}`;

/**
 * The evidence PDF of a timeline: who, which case and window, who exported it and when; the track
 * on a map; every event in order; each alert with its journal; the zones and schedules in force.
 * Its SHA-256 is in every footer and in the export's audit entry (see evidence-hash.ts).
 */
export function evidencePdf(input: EvidenceExport): Promise<ConsoleDocument> {
  const { timeline: t, language } = input;
  const words = catalogs[language];
  const w = words.evidence;
  return renderPdf(
    {
      title: `${w.title}: ${t.client.caseNumber}`,
      subject: `${t.client.id} ${t.from} ${t.to}`,
      author: input.exportedBy.name,
      createdAt: input.exportedAt,
      fileName: exportFileName('evidence', t, 'pdf'),
      evidence: true,
    },
    (doc) => {
      doc.font('bold').fontSize(16).text(w.title);
      section(doc, '', [
        [w.client, `${t.client.displayName} (${t.client.id})`],
        [w.caseNumber, t.client.caseNumber],
        [w.window, `${utc(t.from)} – ${utc(t.to)}`],
        [w.exportedBy, `${input.exportedBy.name} (${input.exportedBy.id})`],
        [w.exportedAt, utc(input.exportedAt.getTime())],
        [w.sources, sources(t, w)],
        [
          '',
          fill(w.counts, {
            fixes: t.track.at.length,
            events: t.events.length,
            alerts: t.alerts.length,
          }),
        ],
      ]);
      doc.moveDown(0.8).font('bold').fontSize(12).text(w.map);
      doc.font('regular').fontSize(8).fillColor('#444444').text(w.mapNote);
      if (t.track.at.length === 0) doc.fontSize(10).fillColor('#000000').text(w.noTrack);
      const box = { x: MARGIN, y: doc.y + 6, width: doc.page.width - 2 * MARGIN, height: 330 };
      drawTrack(doc, box, t.track, t.zones);
      doc.y = box.y + box.height + 10;
      eventTable(doc, t, words);
      alertJournals(doc, t, words);
      zoneSection(doc, t.zones, words);
      doc.moveDown(1).font('regular').fontSize(8).fillColor('#444444').text(w.hashNote, MARGIN);
    },
  );
}

function sources(t: Timeline, w: Words['evidence']): string {
  const parts = [w.fromCache];
  if (t.source.fetched && t.source.cacheFrom)
    parts.push(fill(w.fromService, { from: utc(t.source.cacheFrom) }));
  parts.push(t.source.zoneHistory === 'service' ? w.zonesFromService : w.zonesFromCache);
  return parts.join('; ');
}

const COLUMNS = [105, 60, 150, 65] as const;

function tableRow(doc: Pdf, cells: readonly string[], bold = false): void {
  const width = doc.page.width - 2 * MARGIN;
  const widths = [...COLUMNS, width - COLUMNS.reduce((a, b) => a + b, 0)];
  doc
    .font(bold ? 'bold' : 'regular')
    .fontSize(8)
    .fillColor('#000000');
  const height = Math.max(
    ...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 4 })),
  );
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
  const y = doc.y;
  let x = MARGIN;
  for (const [i, cell] of cells.entries()) {
    doc.text(cell, x, y, { width: widths[i]! - 4 });
    x += widths[i]!;
  }
  doc.x = MARGIN;
  doc.y = y + height + 2;
}

function eventTable(doc: Pdf, t: Timeline, words: Words): void {
  const w = words.evidence;
  doc.moveDown(0.8).font('bold').fontSize(12).fillColor('#000000').text(w.timeline, MARGIN);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#444444')
    .text(fill(w.positionsNote, { fixes: t.track.at.length }));
  doc.moveDown(0.3);
  const c = w.columns;
  tableRow(doc, [c.at, c.kind, c.what, c.who, c.text], true);
  for (const event of t.events)
    tableRow(doc, [
      utc(event.at),
      words.timeline.kinds[event.kind],
      eventWhat(event, words),
      event.operatorId ?? '',
      eventText(event, words),
    ]);
}

function alertJournals(doc: Pdf, t: Timeline, words: Words): void {
  const w = words.evidence;
  doc.addPage().font('bold').fontSize(12).fillColor('#000000').text(w.alerts);
  if (t.alerts.length === 0) doc.font('regular').fontSize(10).text(w.noAlerts);
  for (const alert of t.alerts) {
    doc.moveDown(0.6).font('bold').fontSize(10).text(`${alert.id}`, MARGIN);
    doc.font('regular').fontSize(9).text(alertLine(alert, words));
    for (const action of t.actions.filter((a) => a.alertId === alert.id))
      tableRow(doc, [
        utc(action.at),
        words.alerts.act[action.kind],
        action.id,
        action.operatorId,
        actionText(action),
      ]);
  }
}

function alertLine(alert: Alert, words: Words): string {
  const resolution = alert.resolution
    ? ` · ${words.alerts.resolution[alert.resolution.code]}${alert.resolution.note ? `: ${alert.resolution.note}` : ''}`
    : '';
  return (
    fill(words.evidence.alertLine, {
      type: words.alertType[alert.type],
      severity: words.alerts.severity[alert.severity],
      raised: utc(alert.raisedAt),
      state: words.alerts.state[alert.state],
    }) + resolution
  );
}

function zoneSection(doc: Pdf, zones: readonly ZoneVersion[], words: Words): void {
  const w = words.evidence;
  doc.moveDown(1).font('bold').fontSize(12).fillColor('#000000').text(w.zones, MARGIN);
  if (zones.length === 0) doc.font('regular').fontSize(10).text(w.noZones);
  for (const zone of zones) {
    const g = zone.geometry;
    const shape =
      g.type === 'Circle'
        ? `circle ${g.radiusM} m at ${g.center[1].toFixed(5)}, ${g.center[0].toFixed(5)}`
        : `polygon of ${Math.max(0, (g.coordinates[0]?.length ?? 1) - 1)} points`;
    section(doc, `${zone.name} (${zone.id} v${zone.version})`, [
      [zone.kind, `${shape}; buffer ${zone.bufferM} m`],
      [
        '',
        fill(w.validity, {
          from: utc(zone.validFrom),
          to: zone.validTo ? utc(zone.validTo) : w.now,
        }),
      ],
      ['', scheduleText(zone.schedule, w)],
    ]);
  }
}

function scheduleText(schedule: Schedule | null, w: Words['evidence']): string {
  if (!schedule) return w.always;
  const rules = schedule.rules.map((rule) =>
    fill(w.rule, { days: rule.days.join(','), start: rule.start, end: rule.end }),
  );
  const exceptions = schedule.exceptions.map((e) =>
    fill(w.exception, {
      from: utc(e.from),
      to: utc(e.to),
      kind: e.active ? w.extra : w.absence,
      reason: e.reason,
    }),
  );
  return [`${schedule.timezone}:`, ...rules, ...exceptions].join('\n');
}

/** Every raw row of the window: each fix, then each event, as CSV (RFC 4180), times to the ms. */
export function evidenceCsv(t: TimelineWithIds, language: Language): string {
  const words = catalogs[language];
  const rows: { at: number; cells: (string | number)[] }[] = Array.from(t.track.at, (at, i) => ({
    at,
    cells: [
      t.track.id[i]!,
      t.track.lat[i]!,
      t.track.lon[i]!,
      t.track.accuracyM[i]!,
      positionSources[t.track.source[i]!] ?? '',
      '',
      '',
    ],
  }));
  for (const event of t.events) {
    const text = eventText(event, words);
    rows.push({
      at: event.at,
      cells: [
        event.ref ?? '',
        '',
        '',
        '',
        `${event.kind}:${event.change}`,
        event.operatorId ?? '',
        `${eventWhat(event, words)}${text ? ` — ${text}` : ''}`,
      ],
    });
  }
  rows.sort((a, b) => a.at - b.at); // stable: a fix stays before an event of the same moment
  return csvTable(
    ['at_utc', 'id', 'lat', 'lon', 'accuracy_m', 'source_or_event', 'operator', 'text'],
    rows.map((row) => [new Date(row.at).toISOString(), ...row.cells]),
  );
}
