import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleApiError } from '../../../../shared/api/errors';
import type { ActionKind } from '../../../../shared/central/alert-workflow';
import { waitingMoves } from '../../../../shared/domain/outbox';
import { api } from '../../api';
import { useConsole } from '../../app/console-context';
import { useOutbox } from '../../app/PendingActions';
import { usePageKeys } from '../../app/use-page-keys';
import type { FormKind } from './ActionForm';
import { AlertDetailPanel, mapLinkFor } from './AlertDetailPanel';
import { AlertQueueList } from './AlertQueueList';
import { offersFor } from './offers';
import { useAlertDetail, useAlertQueue } from './use-alerts';

type Message = { error: boolean; text: string } | null;

/** The shared alert queue: every open alert, one selected with its detail, all by keyboard too. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { settings, session } = useConsole();
  const operator = session.operator;
  const items = useAlertQueue();
  const [chosen, setChosen] = useState<string | null>(null);
  const [form, setForm] = useState<FormKind | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // The chosen alert, even once resolved (its final journal stays in view); else the first.
  const list = items ?? [];
  const selectedId = chosen ?? list[0]?.alert.id ?? null;
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
    if (list.length === 0) return;
    const at = list.findIndex((item) => item.alert.id === selectedId);
    choose(list[Math.min(list.length - 1, Math.max(0, at + step))]!.alert.id);
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
        text: error instanceof ConsoleApiError ? error.message : String(error),
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
      if (detail) window.location.hash = mapLinkFor(detail.item);
    },
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
        <span className="muted shortcuts">{t('alerts.shortcuts')}</span>
      </div>
      <div className="alerts-body">
        {items && list.length === 0 ? (
          <p className="muted">{t('alerts.empty')}</p>
        ) : (
          <AlertQueueList
            items={list}
            selectedId={selectedId}
            onSelect={choose}
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
          />
        ) : (
          list.length > 0 && <p className="muted">{t('alerts.choose')}</p>
        )}
      </div>
    </section>
  );
}
