import { useTranslation } from 'react-i18next';
import { waitingMoves } from '../../../../shared/domain/outbox';
import { useConsole } from '../../app/console-context';
import { useOutbox } from '../../app/outbox-provider';
import { usePageKeys } from '../../app/use-page-keys';
import { goTo } from '../../app/routes';
import { AlertDetailPanel, mapLinkFor, type ShownAlert } from './AlertDetailPanel';
import { AlertQueueList } from './AlertQueueList';
import { AlertsToolbar } from './AlertsToolbar';
import { useQueue } from './queue-provider';
import { IncidentMembers } from './IncidentMembers';
import { SuppressPanel } from './SuppressPanel';
import { useAlertDetail } from './use-alerts';
import { useAlertWorkflow } from './use-alert-workflow';
import { useQueueSelection } from './use-queue-selection';
import { isSupervisor } from '../../../../shared/domain/attention';
import './alerts.css';

/** The shared alert queue: every open alert, one selected with its detail, all by keyboard too. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { settings, session } = useConsole();
  const operator = session.operator;
  const { queue: items, error: queueError } = useQueue();
  const supervisor = isSupervisor(operator);
  const queue = useQueueSelection(items);
  const { all, list, rows, suppressedCount, filter, selectedId, selectedRow } = queue;
  const loaded = useAlertDetail(selectedId);
  const queued = loaded ? null : all.find((item) => item.alert.id === selectedId);
  const detail: ShownAlert | null = loaded ?? (queued ? { item: queued, actions: null } : null);
  const shownAlert = detail?.item.alert ?? null;

  // This console's moves not yet delivered, per alert: they hold further moves back.
  const waiting = waitingMoves(useOutbox().items);
  // Acting on the alert shown by default pins it: it stays in view once it leaves the queue.
  const { offers, form, setForm, message, act, startForm } = useAlertWorkflow(
    selectedId,
    shownAlert,
    operator,
    waiting,
    queue.choose,
  );
  const { choose, move, toggle, showFilter } = queue;
  usePageKeys({
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    j: () => move(1),
    k: () => move(-1),
    Home: () => move('first'),
    End: () => move('last'),
    c: () => void act('claim', {}),
    u: () => void act('release', {}),
    a: () => void act('acknowledge', {}),
    n: () => startForm('note'),
    t: () => startForm('contact'),
    e: () => startForm('escalate'),
    r: () => startForm('resolve'),
    m: () => {
      if (detail) goTo(mapLinkFor(detail.item));
    },
    x: () => queue.incident(),
    ArrowRight: () => queue.incident(true),
    ArrowLeft: () => queue.incident(false),
    f: () => showFilter(filter === 'open' ? 'suppressed' : 'open'),
    Escape: () => setForm(null),
  });

  const guidance = detail
    ? (settings.alertGuidance[detail.item.alert.type] ??
      t(`guidance.${detail.item.alert.type}`).split('\n'))
    : [];

  return (
    <section className="page alerts-page">
      <AlertsToolbar
        shown={list.length}
        open={all.length - suppressedCount}
        suppressed={suppressedCount}
        error={queueError}
        filter={filter}
        onFilter={showFilter}
      />
      <div className="alerts-body">
        {items && list.length === 0 ? (
          <p className="muted">{t('alerts.empty')}</p>
        ) : (
          <AlertQueueList
            rows={rows}
            selectedId={selectedId}
            onSelect={choose}
            onToggle={(key) => toggle(key)}
            sla={settings.alertSla}
            operatorId={operator?.id ?? null}
            waiting={waiting}
          />
        )}
        {detail ? (
          <AlertDetailPanel
            // Made anew for each alert: with the panel kept, the last alert's small map stayed in
            // the page beside the next one's (React had deleted it; its element stayed).
            key={detail.item.alert.id}
            detail={detail}
            offers={offers}
            form={form}
            onForm={(kind) => (kind ? startForm(kind) : setForm(null))}
            onAct={(kind, payload) => void act(kind, payload)}
            message={message}
            sla={settings.alertSla}
            guidance={guidance}
            operatorId={operator?.id ?? null}
          >
            {selectedRow && selectedId && (
              <IncidentMembers
                incident={selectedRow.incident}
                selectedId={selectedId}
                onSelect={choose}
              />
            )}
            <SuppressPanel item={detail.item} supervisor={supervisor} />
          </AlertDetailPanel>
        ) : (
          list.length > 0 && <p className="muted">{t('alerts.choose')}</p>
        )}
      </div>
    </section>
  );
}
