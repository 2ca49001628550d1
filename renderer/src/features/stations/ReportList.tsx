import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';

/** The commissioning reports of a station or a client, newest first; one click opens it. */
export function ReportList({
  filter,
  onOpen,
}: {
  filter: { stationSerial?: string; clientId?: string };
  onOpen: (reportId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const reports = useLive(
    () => api.commissioning.list(filter),
    [],
    [filter.stationSerial, filter.clientId],
  ).value;
  return (
    <section className="report-list">
      <h3>{t('commission.reports')}</h3>
      {reports?.length === 0 && <p className="muted">{t('commission.noReports')}</p>}
      <ul>
        {reports?.map((r) => (
          <li key={r.id}>
            <button type="button" onClick={() => onOpen(r.id)} data-testid="report-open">
              {r.stationSerial} · {r.clientName} · {r.technicianName} ·{' '}
              {r.signedAt
                ? format.dateTime(r.signedAt)
                : `${t('report.draft')} ${format.dateTime(r.startedAt)}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
