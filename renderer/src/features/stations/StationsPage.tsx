import { useTranslation } from 'react-i18next';
import { href, type StationsTab } from '../../app/routes';
import { useLink } from '../../app/use-route';
import { CommissionWizard } from './CommissionWizard';
import { ConnectBar } from './ConnectBar';
import { DevicesTab } from './DevicesTab';
import { TerminalPane } from './TerminalPane';
import { useStationState } from './use-stations';
import './stations.css';

const TABS: readonly StationsTab[] = ['commission', 'devices', 'terminal'];

/** The technicians' section: the port and the link, then commissioning, devices or the terminal. */
export function StationsPage() {
  const { t } = useTranslation();
  const link = useLink();
  const tab = (link.route === 'stations' && link.tab) || 'commission';
  const state = useStationState().value;
  return (
    <section className="page stations-page">
      <h1>{t('stations.title')}</h1>
      <nav className="tabs" aria-label={t('stations.title')}>
        {TABS.map((name) => (
          <a
            key={name}
            href={href({ route: 'stations', tab: name })}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`tab-${name}`}
          >
            {t(`stations.tabs.${name}`)}
          </a>
        ))}
      </nav>
      {state && tab !== 'devices' && <ConnectBar state={state} />}
      {tab === 'devices' && <DevicesTab />}
      {tab === 'commission' && state?.link && <CommissionWizard link={state.link} />}
      {tab === 'terminal' && state?.link && <TerminalPane />}
    </section>
  );
}
