import { useTranslation } from 'react-i18next';
import { useVirtualRows } from '../../app/virtual-rows';
import type { ActionKind } from '../../../../shared/central/alert-workflow';
import type { AlertSla } from '../../../../shared/domain/alerts';
import { standingBreaches } from './attention/cues';
import type { QueueRow } from './queue-rows';
import { SlaTimer } from './SlaTimer';
import { AlertAge } from './AlertAge';

/** Each row's height in pixels: fixed, so only the rows in sight are rendered. */
export const ROW_HEIGHT = 64;

/**
 * The queue, virtualised: a thousand alerts cost the rows in sight. The selected row is kept in
 * view as the keyboard moves it. An incident's row carries a toggle that shows its other alerts.
 */
export function AlertQueueList({
  rows,
  selectedId,
  onSelect,
  onToggle,
  sla,
  operatorId,
  waiting,
}: {
  rows: QueueRow[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** Expands or collapses an incident (by its key). */
  onToggle(key: string): void;
  sla: AlertSla;
  operatorId: string | null;
  /** Alert id → the move of this console's still waiting to be sent. */
  waiting: Map<string, ActionKind>;
}) {
  const { t } = useTranslation();
  const selectedIndex = rows.findIndex((row) => row.item.alert.id === selectedId);
  const { first, last, totalHeight, scroller } = useVirtualRows(
    rows.length,
    ROW_HEIGHT,
    selectedIndex,
    selectedId,
  );
  return (
    <div
      {...scroller}
      className="alert-queue"
      role="listbox"
      aria-label={t('alerts.title')}
      data-testid="alert-queue"
      data-count={rows.length}
    >
      <div style={{ height: totalHeight, position: 'relative' }}>
        {rows.slice(first, last).map((row, offset) => {
          const { item, incident } = row;
          const { alert } = item;
          const missed = standingBreaches([item]).length > 0;
          const claimed = alert.claimedBy
            ? t('alerts.claimedBy', {
                name: alert.claimedBy === operatorId ? t('alerts.you') : alert.claimedBy,
              })
            : t('alerts.unclaimed');
          const move = waiting.get(alert.id);
          return (
            <div
              key={alert.id}
              role="option"
              aria-selected={alert.id === selectedId}
              className={`alert-row severity-${alert.severity}${row.member ? ' incident-member' : ''}`}
              style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
              data-testid="alert-row"
              data-alert-id={alert.id}
              data-state={alert.state}
              data-incident={incident.key}
              onClick={() => onSelect(alert.id)}
            >
              <span className="alert-severity">
                {t(`alerts.severity.${alert.severity}`)}
                {!row.member && incident.members.length > 1 && (
                  <button
                    type="button"
                    className="incident-toggle"
                    data-testid="incident-toggle"
                    aria-expanded={row.expanded}
                    onClick={(event) => {
                      event.stopPropagation();
                      onToggle(incident.key);
                    }}
                  >
                    {t('alerts.incident', { count: incident.members.length })}
                  </button>
                )}
              </span>
              <span className="alert-what">
                <strong>{t(`alertType.${alert.type}`)}</strong>
                <span>
                  {item.clientName ?? alert.clientId}
                  {item.zoneName ? ` · ${item.zoneName}` : ''}
                </span>
              </span>
              <span className="alert-when">
                <span>
                  <AlertAge raisedAt={alert.raisedAt} />
                </span>
                <SlaTimer alert={alert} sla={sla} />
              </span>
              <span className="alert-who">
                <span data-testid="alert-claim">{claimed}</span>
                {alert.clearedAt && <span className="muted">{t('alerts.cleared')}</span>}
                {alert.source === 'console' && (
                  <span className="muted" data-testid="console-alert">
                    {t(alert.id.startsWith('LOCAL-') ? 'alerts.localOnly' : 'alerts.fromReceiver')}
                  </span>
                )}
                {missed && (
                  <span className="missed-mark" data-testid="missed-mark">
                    {t('alerts.missedTarget')}
                  </span>
                )}
                {move && (
                  <span className="pending-mark">
                    {t('alerts.waiting', { kind: t(`alerts.act.${move}`) })}
                  </span>
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
