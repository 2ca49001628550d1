import type { CommissioningReport, ConsoleDocument } from '../../../shared/domain/commissioning';
import type { Language } from '../../../shared/domain/settings';
import { formatDateTime } from '../../../shared/format/datetime';
import { catalogs } from '../../../shared/i18n';
import { fill } from '../../../shared/format/fill';
import { MARGIN, renderPdf, section } from './pdf-document';

type Words = (typeof catalogs)[Language];

function checkRows(report: CommissioningReport, w: Words): [string, string][] {
  return report.checks.map((check) => {
    const value =
      typeof check.value === 'boolean' ? (check.value ? '✓' : '✗') : String(check.value);
    const limit =
      typeof check.limit === 'boolean'
        ? check.limit
          ? w.commission.required
          : w.commission.notRequired
        : fill(w.commission.limitAtLeast, { value: check.limit });
    const verdict = check.pass ? w.commission.pass : w.commission.fail;
    return [w.commission.check[check.name], `${value} (${limit}) — ${verdict}`];
  });
}

/** The signed (or draft) commissioning report as a PDF, in the console's language. */
export function commissioningPdf(
  report: CommissioningReport,
  language: Language,
): Promise<ConsoleDocument> {
  const w = catalogs[language];
  const r = w.report;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : r.none);
  const id = report.identity;
  return renderPdf(
    {
      title: `${r.title} — ${report.stationSerial}`,
      subject: report.clientName,
      author: report.technicianName,
      createdAt: new Date(report.signedAt ?? report.startedAt),
      fileName: `commissioning-${report.stationSerial}-${report.id}.pdf`,
    },
    (doc) => {
      doc.font('bold').fontSize(16).text(r.title);
      doc.font('regular').fontSize(10).fillColor('#444444').text(report.id);
      if (report.state === 'draft')
        doc.moveDown(0.3).fillColor('#b00020').font('bold').text(r.draft);
      section(doc, r.station, [
        [r.model, id?.model ?? r.none],
        [r.serial, report.stationSerial],
        [r.firmware, id?.firmware ?? r.none],
        [r.hardware, id?.hardware ?? r.none],
        [r.protocol, id?.protocolVersion ?? r.none],
      ]);
      section(doc, r.client, [
        [r.client, report.clientName],
        [r.homeAddress, report.homeAddress ?? r.none],
      ]);
      section(doc, r.checks, checkRows(report, w));
      section(doc, r.config, [
        [r.clock, when(report.clockSetTo)],
        [w.commission.host, report.config?.centralHost ?? r.none],
        [w.commission.centralPort, report.config ? String(report.config.centralPort) : r.none],
        [w.commission.apn, report.config?.apn ?? r.none],
      ]);
      section(
        doc,
        r.tags,
        report.tags.length
          ? report.tags.map((tag) => [tag.tagId, `${tag.deviceId} · ${when(tag.pairedAt)}`])
          : [[r.none, '']],
      );
      section(doc, r.range, [
        [r.range, report.range ? fill(r.rangeLevel, { level: report.range.level }) : r.none],
        ...(report.range?.tags ?? []).map((tag): [string, string] => [
          tag.tagId,
          fill(r.rssi, {
            samples: tag.samples,
            min: tag.minRssiDbm ?? r.none,
            max: tag.maxRssiDbm ?? r.none,
            mean: tag.meanRssiDbm ?? r.none,
          }),
        ]),
      ]);
      const home = report.home;
      section(doc, r.home, [
        [r.home, home ? `${home.lat.toFixed(6)}, ${home.lon.toFixed(6)}` : r.none],
        [
          r.homeAddress,
          typeof home?.distanceM === 'number'
            ? fill(w.commission.homeDistance, { distance: home.distanceM })
            : w.commission.noHomeAddress,
        ],
      ]);
      section(doc, r.technician, [
        [r.technician, report.technicianName],
        [r.startedAt, when(report.startedAt)],
        [r.signedAt, when(report.signedAt)],
      ]);
      doc.x = MARGIN;
    },
  );
}
