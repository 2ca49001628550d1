import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/domain/incidents';
import { AlertAge } from './AlertAge';

/** The other alerts of the chosen alert's incident, each one click (or key) away. */
export function IncidentMembers({
  incident,
  selectedId,
  onSelect,
}: {
  incident: Incident;
  selectedId: string;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation();
  if (incident.members.length < 2) return null;
  return (
    <section className="incident-members" data-testid="incident-members">
      <h3>{t('alerts.incidentTitle', { count: incident.members.length })}</h3>
      <ul>
        {incident.members.map(({ alert }) => (
          <li key={alert.id}>
            <button
              type="button"
              aria-current={alert.id === selectedId}
              onClick={() => onSelect(alert.id)}
            >
              {t(`alertType.${alert.type}`)} · {t(`alerts.severity.${alert.severity}`)} ·{' '}
              <AlertAge raisedAt={alert.raisedAt} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
