import { ProtectionBands } from '../victims/ProtectionBands';
import { useTranslation } from 'react-i18next';
import type { ClientFile } from '../../../../shared/domain/clients';
import { fullView } from '../../../../shared/domain/map';
import { api } from '../../api';
import { saveDocument } from '../../api/download';
import { errorText } from '../../api/error-text';
import { useClock } from '../../api/use-clock';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { useConsole } from '../../app/console-context';
import { goTo, href } from '../../app/routes';
import { usePageKeys } from '../../app/use-page-keys';
import { ReportList } from '../stations/ReportList';
import {
  ClientAlerts,
  ClientDevices,
  ClientJournal,
  ClientProfile,
  ClientZones,
} from './FileSections';
import { lastRegisterQuery } from './last-register-query';
import { TimelineLinkTo } from '../timeline/TimelineLinkTo';

/** Everything about one client on one page; Esc goes back to the register as it was left. */
export function ClientFilePage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useClock(30_000);
  const operatorId = useConsole().session.operator?.id;
  const file = useLive(
    () => api.clients.file({ clientId }),
    ['alerts.changed', 'shifts.changed'],
    [clientId],
  );
  usePageKeys({ Escape: () => goTo({ route: 'clients', ...lastRegisterQuery(operatorId) }) });
  if (file.error !== null && !file.value)
    return <p className="error">{errorText(file.error, t)}</p>;
  const value: ClientFile | null = file.value;
  if (!value) return null;
  const detail = fullView(value.detail);
  const name = value.detail.client.displayName;
  return (
    <section className="page client-file" data-testid="client-file" data-client={clientId}>
      <p>
        <a href={href({ route: 'clients', ...lastRegisterQuery(operatorId) })}>
          ← {t('register.title')}
        </a>
      </p>
      <h1 data-testid="file-name">{name}</h1>
      {detail ? (
        <>
          <nav className="file-actions">
            <a href={href({ route: 'map', client: clientId })}>{t('file.onMap')}</a>
            <TimelineLinkTo client={clientId} />
            <a href={href({ route: 'shifts', client: clientId })}>{t('shifts.fromAlert')}</a>
          </nav>
          <ClientProfile detail={detail} />
          <ClientZones detail={detail} now={now} />
          <ProtectionBands
            clientId={clientId}
            flagged={detail.client.flags.includes('victim_protection')}
          />
          <ClientDevices devices={detail.devices} now={now} />
          <ClientAlerts open={detail.openAlerts} recent={value.recentAlerts} />
          <ClientJournal entries={value.journal} />
        </>
      ) : (
        <>
          <p data-testid="file-reduced">
            {value.detail.view === 'commissioning' && value.detail.client.installationAddress}
          </p>
          <ClientDevices devices={value.detail.devices} now={now} />
        </>
      )}
      <ReportList
        filter={{ clientId }}
        onOpen={(reportId) => void api.commissioning.pdf({ reportId }).then(saveDocument)}
      />
      <p className="muted">{t('file.opened', { time: format.time(now, false) })}</p>
    </section>
  );
}
