import { useTranslation } from 'react-i18next';
import { useFormat } from '../../api/use-format';
import { useConsole } from '../../app/console-context';

/** What this console is and where its data lives, read from the core's app.info. */
export function AboutPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { info } = useConsole();
  const runtime = [
    `Node ${info.runtime.node}`,
    info.runtime.electron ? `Electron ${info.runtime.electron}` : null,
    info.runtime.platform,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t('about.mode')}</dt>
        <dd data-testid="about-mode">{info.mode}</dd>
        <dt>{t('about.runtime')}</dt>
        <dd>{runtime}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd>{info.dataDir}</dd>
        <dt>{t('about.startedAt')}</dt>
        <dd>{format.dateTime(info.startedAt)}</dd>
      </dl>
    </section>
  );
}
