import { useTranslation } from 'react-i18next';
import type { RouteId } from './use-route';

/** Stands in for a section whose feature has not landed yet, and says so. */
export function PlaceholderPage({ route }: { route: RouteId }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('placeholder.title', { section: t(`nav.${route}`) })}</h1>
      <p className="muted">{t('placeholder.body')}</p>
    </section>
  );
}
