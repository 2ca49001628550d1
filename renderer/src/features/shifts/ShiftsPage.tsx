import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { href, type ShiftsTab } from '../../app/routes';
import { useLink } from '../../app/use-route';
import { CurrentShift } from './CurrentShift';
import { HistoryTab } from './HistoryTab';
import { ReportTab } from './ReportTab';
import './shifts.css';

/** The shift: the current one with its journal and handover, history and search, and (supervisors) reports. */
export function ShiftsPage() {
  const { t } = useTranslation();
  const { may } = useConsole();
  const link = useLink();
  const tabs: ShiftsTab[] = may('shifts.report')
    ? ['current', 'history', 'report']
    : ['current', 'history'];
  const wanted = link.route === 'shifts' ? (link.tab ?? 'current') : 'current';
  const tab = tabs.includes(wanted) ? wanted : 'current';
  return (
    <section className="page shifts-page">
      <h1>{t('shifts.title')}</h1>
      <nav className="tabs" aria-label={t('shifts.title')}>
        {tabs.map((name) => (
          <a
            key={name}
            href={href({ route: 'shifts', tab: name })}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`shift-tab-${name}`}
          >
            {t(`shifts.tabs.${name}`)}
          </a>
        ))}
      </nav>
      {tab === 'current' && <CurrentShift />}
      {tab === 'history' && <HistoryTab />}
      {tab === 'report' && <ReportTab shiftId={link.route === 'shifts' ? link.shift : undefined} />}
    </section>
  );
}
