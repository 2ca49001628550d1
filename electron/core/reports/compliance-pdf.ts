import type { ConsoleDocument } from '../../../shared/domain/commissioning';
import type { Language } from '../../../shared/domain/settings';
import type { SlaTimes } from '../../../shared/domain/shifts';
import type { Timeline } from '../../../shared/domain/timeline';
import { formatTimer } from '../../../shared/format/age';
import { fill } from '../../../shared/format/fill';
import { catalogs } from '../../../shared/i18n';
import type { Compliance } from '../timeline/compliance';
import { csvTable } from './csv';
import { exportFileName, utc } from './evidence-pdf';
import { renderPdf, section } from './pdf-document';

const h = (hours: number) => hours.toFixed(1);

function timesLine(x: SlaTimes, w: (typeof catalogs)[Language]['compliance']): string {
  if (x.count === 0) return w.noTimes;
  return fill(w.times, {
    met: x.met,
    count: x.count,
    share: `${Math.round((x.met / x.count) * 100)}%`,
    median: formatTimer((x.medianS ?? 0) * 1000),
    worst: formatTimer((x.worstS ?? 0) * 1000),
  });
}

export interface ComplianceExport {
  timeline: Timeline;
  figures: Compliance;
  preparedBy: { id: string; name: string };
  preparedAt: Date;
  language: Language;
}

/** The case manager's compliance report of a client over a period, as a PDF. */
export function compliancePdf(input: ComplianceExport): Promise<ConsoleDocument> {
  const { timeline: t, figures: c, language } = input;
  const words = catalogs[language];
  const w = words.compliance;
  return renderPdf(
    {
      title: `${w.title}: ${t.client.caseNumber}`,
      subject: `${t.client.id} ${t.from} ${t.to}`,
      author: input.preparedBy.name,
      createdAt: input.preparedAt,
      fileName: exportFileName('compliance', t, 'pdf'),
    },
    (doc) => {
      doc.font('bold').fontSize(16).text(w.title);
      section(doc, '', [
        [w.client, `${t.client.displayName} (${t.client.id})`],
        [w.caseNumber, t.client.caseNumber],
        [w.period, `${utc(t.from)} – ${utc(t.to)}`],
        [w.preparedBy, `${input.preparedBy.name} (${input.preparedBy.id})`],
        [w.preparedAt, utc(input.preparedAt.getTime())],
      ]);
      section(doc, w.summary, [
        [w.curfewHours, h(c.curfewHours)],
        [w.breachHours, h(c.breachHours)],
        [w.unknownHours, h(c.unknownHours)],
        [
          w.violations,
          c.violations.length === 0
            ? w.none
            : c.violations
                .map(
                  (v) =>
                    `${words.alertType[v.type as keyof typeof words.alertType] ?? v.type}: ${v.count}`,
                )
                .join(', '),
        ],
        [w.tamper, String(c.tamperEvents)],
        [w.battery, String(c.batteryEvents)],
      ]);
      section(
        doc,
        w.zones,
        c.zones.map((z) => [
          z.name,
          fill(w.zoneLine, { kind: z.kind, inForce: h(z.inForceHours), breach: h(z.breachHours) }),
        ]),
      );
      section(doc, w.response, [
        [w.claim, timesLine(c.claim, w)],
        [w.resolve, timesLine(c.resolve, w)],
      ]);
      doc.moveDown(1).font('regular').fontSize(8).fillColor('#444444').text(w.method);
    },
  );
}

/** The same figures as CSV: one row per figure, zones and violations included. */
export function complianceCsv(t: Timeline, c: Compliance): string {
  const rows: (string | number | null)[][] = [
    ['curfew_hours', '', h(c.curfewHours)],
    ['breach_hours', '', h(c.breachHours)],
    ['unknown_hours', '', h(c.unknownHours)],
    ['tamper_events', '', c.tamperEvents],
    ['battery_events', '', c.batteryEvents],
    ...c.violations.map((v) => ['zone_violation', v.type, v.count]),
    ...c.zones.flatMap((z) => [
      ['zone_in_force_hours', z.id, h(z.inForceHours)],
      ['zone_breach_hours', z.id, h(z.breachHours)],
    ]),
    ['claim_count', '', c.claim.count],
    ['claim_met', '', c.claim.met],
    ['claim_median_s', '', c.claim.medianS],
    ['claim_worst_s', '', c.claim.worstS],
    ['resolve_count', '', c.resolve.count],
    ['resolve_met', '', c.resolve.met],
    ['resolve_median_s', '', c.resolve.medianS],
    ['resolve_worst_s', '', c.resolve.worstS],
  ];
  return csvTable(
    ['client_id', 'case_number', 'from', 'to', 'figure', 'of', 'value'],
    rows.map((row) => [t.client.id, t.client.caseNumber, t.from, t.to, ...row]),
  );
}
