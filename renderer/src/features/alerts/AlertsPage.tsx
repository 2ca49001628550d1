import { useEffect, useState } from 'react';
import { useClock } from '../../api/use-clock';
import { errorText } from '../../api/error-text';
import { useTranslation } from 'react-i18next';
import type { ActionKind } from '../../../../shared/central/alert-workflow';
import { waitingMoves } from '../../../../shared/domain/outbox';
import { api } from '../../api';
import { useConsole } from '../../app/console-context';
import { useOutbox } from '../../app/outbox-provider';
import { usePageKeys } from '../../app/use-page-keys';
import { currentLink, goTo } from '../../app/routes';
import type { FormKind } from './ActionForm';
import { AlertDetailPanel, mapLinkFor } from './AlertDetailPanel';
import { AlertQueueList } from './AlertQueueList';
import { useAttention } from './attention/AttentionProvider';
import { IncidentMembers } from './IncidentMembers';
import { offersFor } from './offers';
import { inFilter, queueRows, type QueueFilter } from './queue-rows';
import { SuppressPanel } from './SuppressPanel';
import { useAlertDetail } from './use-alerts';
import { isSupervisor } from '../../../../shared/domain/attention';

type Message = { error: boolean; text: string } | null;

/** `#/alerts?alert=ID` (an escalation's link) opens that alert. */
const alertFromHash = (): string | null => currentLink('alerts')?.alert ?? null;

/** The shared alert queue: every open alert, one selected with its detail, all by keyboard too. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { settings, session } = useConsole();
  const operator = session.operator;
  const { queue: items, queueError } = useAttention();
  const supervisor = isSupervisor(operator);
  const [chosen, setChosen] = useState<string | null>(alertFromHash);
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<FormKind | null>(null);
  const [message, setMessage] = useState<Message>(null);
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

  const offers = detail
    ? offersFor(detail.item.alert, operator, waiting.get(detail.item.alert.id) ?? null)
    : [];

  const choose = (id: string | null): void => {
    setChosen(id);
    setForm(null);
    setMessage(null);
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

  async function act(kind: ActionKind, payload: Record<string, string>): Promise<void> {
    if (!detail) return;
    const offer = offers.find((candidate) => candidate.kind === kind);
    if (offer?.refusal) {
      setMessage({ error: true, text: t('alerts.notOffered', { reason: offer.refusal }) });
      return;
    }
    const { alert } = detail.item;
    // Acting on the alert shown by default pins it: it stays in view once it leaves the queue.
    setChosen(alert.id);
    try {
      await api.alerts.act({ alertId: alert.id, kind, payload, expectedVersion: alert.version });
      setForm(null);
      setMessage({ error: false, text: t('alerts.queued') });
    } catch (error) {
      setMessage({
        error: true,
        text: errorText(error, t),
      });
    }
  }
  const startForm = (kind: FormKind): void => {
    const offer = offers.find((candidate) => candidate.kind === kind);
    if (offer?.refusal)
      setMessage({ error: true, text: t('alerts.notOffered', { reason: offer.refusal }) });
    else setForm(kind);
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
      <div className="alerts-toolbar">
        <h1>{t('alerts.title')}</h1>
        <span data-testid="alert-count">{t('alerts.count', { count: list.length })}</span>
        {queueError !== null && (
          <span className="error" role="alert">
            {errorText(queueError, t)}
          </span>
        )}
        <span className="queue-filters" role="group" aria-label={t('alerts.filter')}>
          {(['open', 'suppressed'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={filter === name}
              data-testid={`filter-${name}`}
              onClick={() => showFilter(name)}
            >
              {t(`alerts.filters.${name}`, {
                count: name === 'open' ? all.length - suppressedCount : suppressedCount,
              })}
            </button>
          ))}
        </span>
        <span className="muted shortcuts">{t('alerts.shortcuts')}</span>
      </div>
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
