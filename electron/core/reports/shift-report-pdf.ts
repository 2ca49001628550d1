import type { ConsoleDocument } from '../../../shared/domain/commissioning';
import type { Language } from '../../../shared/domain/settings';
import type { ShiftReport, SlaTimes } from '../../../shared/domain/shifts';
import { formatTimer } from '../../../shared/format/age';
import { formatDateTime } from '../../../shared/format/datetime';
import { catalogs } from '../../../shared/i18n';
import { csvTable } from './csv';
import { fill } from '../../../shared/format/fill';
import { renderPdf, section } from './pdf-document';

function timesLine(times: SlaTimes, w: (typeof catalogs)[Language]['shiftReport']): string {
  if (times.count === 0) return w.none;
  const share = `${Math.round((times.met / times.count) * 100)}%`;
  return [
    fill(w.met, { met: times.met, count: times.count, share }),
    fill(w.median, { median: formatTimer((times.medianS ?? 0) * 1000) }),
    fill(w.worst, { worst: formatTimer((times.worstS ?? 0) * 1000) }),
  ].join(', ');
}

/** The shift report for supervisors as a PDF, in the console's language. */
export function shiftReportPdf(
  report: ShiftReport,
  language: Language,
  names: ReadonlyMap<string, string>,
): Promise<ConsoleDocument> {
  const words = catalogs[language];
  const w = words.shiftReport;
  const when = (iso: string) => formatDateTime(iso, language);
  return renderPdf(
    {
      title: `${w.title} ${when(report.from)}`,
      subject: report.shift.id,
      author: report.operators.map((o) => o.name).join(', '),
      createdAt: new Date(report.to),
      fileName: `shift-${report.shift.id}.pdf`,
    },
    (doc) => {
      doc.font('bold').fontSize(16).text(w.title);
      doc
        .font('regular')
        .fontSize(10)
        .text(fill(w.window, { from: when(report.from), to: when(report.to) }));
      section(
        doc,
        w.byType,
        report.byType.map((row) => [
          `${words.alertType[row.type as keyof typeof words.alertType] ?? row.type} (${row.raised})`,
          Object.entries(row.outcomes)
            .map(([outcome, n]) => `${outcome}: ${n}`)
            .join(', '),
        ]),
      );
      section(doc, w.target, [
        [w.claim, timesLine(report.claim, w)],
        [w.resolve, timesLine(report.resolve, w)],
      ]);
      section(
        doc,
        w.operators,
        report.operators.map((o) => [
          o.name,
          `${w.handled}: ${o.alertsHandled} · ${w.hours}: ${o.hoursOnDuty}${o.overlong ? ` · ${w.overlong.toUpperCase()}` : ''}`,
        ]),
      );
      section(
        doc,
        w.journal,
        report.journal.length
          ? report.journal.map((entry) => [
              `${when(entry.at)} · ${names.get(entry.operatorId) ?? entry.operatorId}`,
              `[${words.shifts.category[entry.category]}] ${entry.text}`,
            ])
          : [[w.none, '']],
      );
    },
  );
}

/** Every alert of the shift with the times the report's figures come from. */
export function shiftReportCsv(report: ShiftReport): string {
  return csvTable(
    [
      'alert',
      'type',
      'severity',
      'client',
      'raised_at',
      'claimed_at',
      'claim_s',
      'claim_met',
      'resolved_at',
      'resolve_s',
      'resolve_met',
      'outcome',
      'handled_by',
    ],
    report.alerts.map((a) => [
      a.id,
      a.type,
      a.severity,
      a.clientName,
      a.raisedAt,
      a.claimedAt,
      a.claimS,
      a.claimMet,
      a.resolvedAt,
      a.resolveS,
      a.resolveMet,
      a.outcome,
      a.handledBy.join(' '),
    ]),
  );
}
