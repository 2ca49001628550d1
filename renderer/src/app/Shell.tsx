import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { AttentionBanners } from '../features/alerts/attention/AttentionBanners';
import { AttentionProvider } from '../features/alerts/attention/AttentionProvider';
import { MuteControl } from '../features/alerts/attention/MuteControl';
import { AlertQueueProvider } from '../features/alerts/queue-provider';
import { AuditBanner } from '../features/audit/AuditBanner';
import { AuditPage } from '../features/audit/AuditPage';
import { MapPage } from '../features/map/MapPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { HandoverBanner } from '../features/shifts/HandoverBanner';
import { ShiftsPage } from '../features/shifts/ShiftsPage';
import { ReceiverBanner } from '../features/stations/ReceiverBanner';
import { StationsPage } from '../features/stations/StationsPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { ConnectionIndicator } from './ConnectionIndicator';
import { PageErrorBoundary } from './PageErrorBoundary';
import { useConsole } from './console-context';
import { LanguageSwitch } from './LanguageSwitch';
import { OperatorBadge } from './OperatorBadge';
import { OutboxProvider } from './outbox-provider';
import { PendingBadge, RefusalNotices } from './PendingActions';
import { useActivityReports } from './use-activity';
import { routeIds, routeNeeds, useRoute, type RouteId } from './use-route';
import { WarningBanner } from './WarningBanner';

function Page({ route }: { route: RouteId }) {
  if (route === 'settings') return <SettingsPage />;
  if (route === 'map') return <MapPage />;
  if (route === 'alerts') return <AlertsPage />;
  if (route === 'audit') return <AuditPage />;
  if (route === 'stations') return <StationsPage />;
  if (route === 'shifts') return <ShiftsPage />;
  if (route === 'clients') return <ClientsPage />;
  return <TimelinePage />;
}

/** Alerts are kept and watched (and sounded) on every page, for those whose role works them. */
function Attention({ children }: { children: ReactNode }) {
  const { may } = useConsole();
  if (!may('alerts.queue')) return children;
  return (
    <AlertQueueProvider>
      <AttentionProvider>{children}</AttentionProvider>
    </AlertQueueProvider>
  );
}

/**
 * The app frame: header with connection state, mute and language, navigation, the banners and the
 * current page. Only the sections the operator's role opens are offered.
 */
export function Shell() {
  const { t } = useTranslation();
  const { may } = useConsole();
  useActivityReports();
  const sections = routeIds.filter((id) => may(routeNeeds[id]));
  const wanted = useRoute();
  const route = sections.includes(wanted) ? wanted : (sections[0] ?? 'settings');
  return (
    <OutboxProvider>
      <Attention>
        <div className="shell">
          <header className="shell-header">
            <div className="brand">
              <strong>{t('app.title')}</strong>
              <span className="muted">{t('app.subtitle')}</span>
            </div>
            <ConnectionIndicator />
            <PendingBadge />
            {may('attention.mute') && <MuteControl />}
            <OperatorBadge />
            <LanguageSwitch />
          </header>
          <nav className="shell-nav" aria-label={t('nav.label')}>
            {sections.map((id) => (
              <a key={id} href={`#/${id}`} aria-current={id === route ? 'page' : undefined}>
                {t(`nav.${id}`)}
              </a>
            ))}
          </nav>
          <main className="shell-main">
            <WarningBanner />
            {may('audit.status') && <AuditBanner />}
            {may('stations.state') && <ReceiverBanner />}
            {may('shifts.current') && <HandoverBanner />}
            {may('alerts.queue') && <AttentionBanners />}
            <RefusalNotices />
            <PageErrorBoundary key={route}>
              <Page route={route} />
            </PageErrorBoundary>
          </main>
        </div>
      </Attention>
    </OutboxProvider>
  );
}
