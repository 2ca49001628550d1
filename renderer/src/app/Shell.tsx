import { useTranslation } from 'react-i18next';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { AttentionBanners } from '../features/alerts/attention/AttentionBanners';
import { AttentionProvider } from '../features/alerts/attention/AttentionProvider';
import { MuteControl } from '../features/alerts/attention/MuteControl';
import { MapPage } from '../features/map/MapPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { OperatorBadge } from './OperatorBadge';
import { PendingBadge, RefusalNotices } from './PendingActions';
import { PlaceholderPage } from './PlaceholderPage';
import { routeIds, useRoute, type RouteId } from './use-route';
import { WarningBanner } from './WarningBanner';

function Page({ route }: { route: RouteId }) {
  if (route === 'settings') return <SettingsPage />;
  if (route === 'map') return <MapPage />;
  if (route === 'alerts') return <AlertsPage />;
  return <PlaceholderPage route={route} />;
}

/**
 * The app frame: header with connection state, mute and language, navigation, the alert banners
 * and the current page. Alerts are watched (and sounded) whatever page is open.
 */
export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <AttentionProvider>
      <div className="shell">
        <header className="shell-header">
          <div className="brand">
            <strong>{t('app.title')}</strong>
            <span className="muted">{t('app.subtitle')}</span>
          </div>
          <ConnectionIndicator />
          <PendingBadge />
          <MuteControl />
          <OperatorBadge />
          <LanguageSwitch />
        </header>
        <nav className="shell-nav" aria-label={t('nav.label')}>
          {routeIds.map((id) => (
            <a key={id} href={`#/${id}`} aria-current={id === route ? 'page' : undefined}>
              {t(`nav.${id}`)}
            </a>
          ))}
        </nav>
        <main className="shell-main">
          <WarningBanner />
          <AttentionBanners />
          <RefusalNotices />
          <Page route={route} />
        </main>
      </div>
    </AttentionProvider>
  );
}
