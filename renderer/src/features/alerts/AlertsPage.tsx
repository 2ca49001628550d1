import { useEffect, useState } from 'react';
import { useClock } from '../../api/use-clock';
import { useTranslation } from 'react-i18next';
import { waitingMoves } from '../../../../shared/domain/outbox';
import { useConsole } from '../../app/console-context';
import { useOutbox } from '../../app/outbox-provider';
import { usePageKeys } from '../../app/use-page-keys';
import { currentLink, goTo } from '../../app/routes';
import { AlertDetailPanel, mapLinkFor } from './AlertDetailPanel';
import { AlertQueueList } from './AlertQueueList';
import { AlertsToolbar } from './AlertsToolbar';
import { useQueue } from './queue-provider';
import { IncidentMembers } from './IncidentMembers';
import { inFilter, queueRows, type QueueFilter } from './queue-rows';
import { SuppressPanel } from './SuppressPanel';
import { useAlertDetail } from './use-alerts';
import { useAlertWorkflow } from './use-alert-workflow';
import { isSupervisor } from '../../../../shared/domain/attention';
import './alerts.css';

/** `#/alerts?alert=ID` (an escalation's link) opens that alert. */
const alertFromHash = (): string | null => currentLink('alerts')?.alert ?? null;

/** The shared alert queue: every open alert, one selected with its detail, all by keyboard too. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { settings, session } = useConsole();
  const operator = session.operator;
  const { queue: items, error: queueError } = useQueue();
  const supervisor = isSupervisor(operator);
  const [chosen, setChosen] = useState<string | null>(alertFromHash);
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const now = useClock(1000);
  useEffect(() => {
    const onHash = (): void => {
      const linked = alertFromHash();
      if (linked) setChosen(linked);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The chosen alert, even once resolved (its final journal stays in view); else the first.
  const all = items ?? [];
  const list = all.filter(inFilter(filter));
  const suppressedCount = all.length - all.filter(inFilter('open')).length;
  const rows = queueRows(list, expanded);
  const selectedId = chosen ?? rows[0]?.item.alert.id ?? null;
  const selectedRow = rows.find((row) =>
    row.incident.members.some((m) => m.alert.id === selectedId),
  );
  const detail = useAlertDetail(selectedId);

  // This console's moves not yet delivered, per alert: they hold further moves back.
  const waiting = waitingMoves(useOutbox().items);
  // Acting on the alert shown by default pins it: it stays in view once it leaves the queue.
  const { offers, form, setForm, message, act, startForm, reset } = useAlertWorkflow(
    detail,
    operator,
    waiting,
    setChosen,
  );

  const choose = (id: string | null): void => {
    setChosen(id);
    reset();
  };
  const move = (step: 1 | -1): void => {
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.item.alert.id === selectedId);
    choose(rows[Math.min(rows.length - 1, Math.max(0, at + step))]!.item.alert.id);
  };
  const toggle = (key: string, open?: boolean): void =>
    setExpanded((held) => {
      const next = new Set(held);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  const showFilter = (next: QueueFilter): void => {
    setFilter(next);
    choose(null);
  };

  usePageKeys({
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    j: () => move(1),
    k: () => move(-1),
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
    x: () => {
      if (!selectedRow) return;
      const opening = !selectedRow.expanded;
      toggle(selectedRow.incident.key, opening);
      // Closed: the selection goes back to the row that stands for the incident.
      if (!opening) choose(selectedRow.incident.lead.alert.id);
    },
    ArrowRight: () => selectedRow && toggle(selectedRow.incident.key, true),
    ArrowLeft: () => {
      if (!selectedRow) return;
      toggle(selectedRow.incident.key, false);
      choose(selectedRow.incident.lead.alert.id);
    },
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
            now={now}
            sla={settings.alertSla}
            operatorId={operator?.id ?? null}
            waiting={waiting}
          />
        )}
        {detail ? (
          <AlertDetailPanel
            detail={detail}
            offers={offers}
            form={form}
            onForm={(kind) => (kind ? startForm(kind) : setForm(null))}
            onAct={(kind, payload) => void act(kind, payload)}
            message={message}
            now={now}
            sla={settings.alertSla}
            guidance={guidance}
            operatorId={operator?.id ?? null}
          >
            {selectedRow && selectedId && (
              <IncidentMembers
                incident={selectedRow.incident}
                selectedId={selectedId}
                onSelect={choose}
                now={now}
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
