import { useTranslation } from 'react-i18next';
import type { SlaTimes } from '../../../../shared/domain/shifts';
import { formatTimer } from '../../../../shared/format/age';
import { api } from '../../api';
import { saveDocument, saveFile } from '../../api/download';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { goTo } from '../../app/routes';

/** A supervisor's report of one shift: alerts by type and outcome, targets, each operator's load. */
export function ReportTab({ shiftId }: { shiftId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shifts = useLive(() => api.shifts.list({}), ['shifts.changed'], []).value ?? [];
  const chosen = shiftId ?? shifts[0]?.id;
  const report = useLive(
    async () => (chosen ? api.shifts.report({ shiftId: chosen }) : null),
    ['shifts.changed'],
    [chosen],
  );
  const times = (x: SlaTimes) =>
    x.count === 0
      ? t('shiftReport.none')
      : [
          t('shiftReport.met', {
            met: x.met,
            count: x.count,
            share: `${Math.round((x.met / x.count) * 100)}%`,
          }),
          t('shiftReport.median', { median: formatTimer((x.medianS ?? 0) * 1000) }),
          t('shiftReport.worst', { worst: formatTimer((x.worstS ?? 0) * 1000) }),
        ].join(', ');
  const r = report.value;
  return (
    <section className="panel shift-report" data-testid="shift-report">
      <select
        value={chosen ?? ''}
        onChange={(e) => goTo({ route: 'shifts', tab: 'report', shift: e.target.value })}
      >
        {shifts.map((s) => (
          <option key={s.id} value={s.id}>
            {format.dateTime(s.startedAt)}
          </option>
        ))}
      </select>
      {report.error !== null && <p className="error">{errorText(report.error, t)}</p>}
      {r && (
        <>
          <h2>{t('shiftReport.title')}</h2>
          <p>
            {t('shiftReport.window', { from: format.dateTime(r.from), to: format.dateTime(r.to) })}
          </p>
          <table>
            <tbody>
              <tr>
                <th>{t('shiftReport.claim')}</th>
                <td data-testid="report-claim">{times(r.claim)}</td>
              </tr>
              <tr>
                <th>{t('shiftReport.resolve')}</th>
                <td data-testid="report-resolve">{times(r.resolve)}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t('shiftReport.byType')}</h3>
          <ul>
            {r.byType.map((row) => (
              <li key={row.type}>
                {t(`alertType.${row.type}`)}: {row.raised} (
                {Object.entries(row.outcomes)
                  .map(([o, n]) => `${o} ${n}`)
                  .join(', ')}
                )
              </li>
            ))}
          </ul>
          <h3>{t('shiftReport.operators')}</h3>
          <ul>
            {r.operators.map((o) => (
              <li key={o.id} className={o.overlong ? 'overlong' : undefined}>
                {o.name}: {t('shiftReport.handled')} {o.alertsHandled} · {t('shiftReport.hours')}{' '}
                {o.hoursOnDuty}
                {o.overlong && <strong> · {t('shiftReport.overlong')}</strong>}
              </li>
            ))}
          </ul>
          <div className="report-actions">
            <button
              type="button"
              onClick={() => void api.shifts.reportPdf({ shiftId: r.shift.id }).then(saveDocument)}
              data-testid="report-pdf"
            >
              {t('shifts.pdf')}
            </button>
            <button
              type="button"
              onClick={() =>
                void api.shifts
                  .reportCsv({ shiftId: r.shift.id })
                  .then(({ csv }) =>
                    saveFile(csv, `shift-${r.shift.id}.csv`, 'text/csv;charset=utf-8'),
                  )
              }
              data-testid="report-csv"
            >
              {t('shifts.csv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('shifts.print')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
