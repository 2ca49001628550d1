import type { ReactNode } from 'react';
import { useFormat } from '../../api/use-format';
import { href, type Link } from '../../app/routes';
import { useTranslation } from 'react-i18next';
import type { AlertDetail, AlertSla } from '../../../../shared/domain/alerts';
import type { Offer } from './offers';
import { SlaTimer } from './SlaTimer';
import { AlertAge } from './AlertAge';
import { ActionForm, type FormKind } from './ActionForm';
import { AlertJournal, Checklist } from './AlertJournal';
import { AlertMiniMap } from './AlertMiniMap';
import { TimelineLinkTo } from '../timeline/TimelineLinkTo';

/**
 * The alert shown: its detail, or while that loads its line in the queue (its journal then null).
 * A referent stepping through the queue sees each alert at once: the panel is never empty.
 */
export type ShownAlert = Omit<AlertDetail, 'actions'> & { actions: AlertDetail['actions'] | null };

/** Where the map should go for an alert: its own position if it has one, else the client. */
export function mapLinkFor({ alert }: AlertDetail['item']): Link {
  const at: [number, number] | undefined = alert.position
    ? [alert.position.lat, alert.position.lon]
    : undefined;
  return { route: 'map', client: alert.clientId, ...(at ? { at } : {}) };
}

/**
 * One alert: what happened, to whom and where, its targets, the actions possible now (the rest
 * are not offered), the form of the action under way, the centre's checklist and the journal.
 */
export function AlertDetailPanel({
  detail,
  offers,
  form,
  onForm,
  onAct,
  message,
  sla,
  guidance,
  operatorId,
  children,
}: {
  detail: ShownAlert;
  offers: Offer[];
  form: FormKind | null;
  onForm(kind: FormKind | null): void;
  onAct(kind: Offer['kind'], payload: Record<string, string>): void;
  message: { error: boolean; text: string } | null;
  sla: AlertSla;
  guidance: string[];
  operatorId: string | null;
  /** The page's own parts about this alert: its incident, its suppression. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { item, actions } = detail;
  const { alert } = item;
  const possible = offers.filter((offer) => offer.refusal === null);
  const who = (id: string): string => (id === operatorId ? t('alerts.you') : id);
  return (
    <aside
      className="alert-detail"
      data-testid="alert-detail"
      data-shown-alert={alert.id}
      aria-label={t(`alertType.${alert.type}`)}
    >
      <header>
        <h2>{t(`alertType.${alert.type}`)}</h2>
        <span className={`alert-severity severity-${alert.severity}`}>
          {t(`alerts.severity.${alert.severity}`)}
        </span>
        <span data-testid="alert-state">{t(`alerts.state.${alert.state}`)}</span>
      </header>
      <dl>
        <dt>{t('map.case')}</dt>
        <dd>
          {item.clientName ?? alert.clientId} · {item.caseNumber ?? '—'}
          {item.riskLevel && ` · ${t(`risk.${item.riskLevel}`)}`}
        </dd>
        <dt>{t('alerts.raised')}</dt>
        <dd>
          {format.dateTime(alert.raisedAt)} (<AlertAge raisedAt={alert.raisedAt} />)
          {alert.clearedAt && ` · ${t('alerts.cleared')}`}
        </dd>
        {item.zoneName && (
          <>
            <dt>{t('alerts.zone')}</dt>
            <dd>{item.zoneName}</dd>
          </>
        )}
        <dt>{t('alerts.position')}</dt>
        <dd>
          {alert.position
            ? `${alert.position.lat.toFixed(5)}, ${alert.position.lon.toFixed(5)} ±${Math.round(alert.position.accuracyM)} m`
            : '—'}{' '}
          <a href={href(mapLinkFor(item))} data-testid="alert-map-link">
            {t('alerts.showOnMap')}
          </a>{' '}
          <a
            href={href({ route: 'shifts', alert: alert.id, client: alert.clientId })}
            data-testid="alert-journal-link"
          >
            {t('shifts.fromAlert')}
          </a>{' '}
          <TimelineLinkTo client={alert.clientId} alert={alert.id} at={alert.raisedAt} />
        </dd>
        <dt>
          {alert.claimedBy
            ? t('alerts.claimedBy', { name: who(alert.claimedBy) })
            : t('alerts.unclaimed')}
        </dt>
        <dd>
          <SlaTimer alert={alert} sla={sla} />
        </dd>
      </dl>
      <AlertMiniMap key={alert.id} alert={alert} />
      <div className="alert-actions" data-testid="alert-actions">
        {possible.map(({ kind }) => (
          <button
            key={kind}
            type="button"
            data-kind={kind}
            onClick={() =>
              kind === 'claim' || kind === 'release' || kind === 'acknowledge'
                ? onAct(kind, {})
                : onForm(kind)
            }
          >
            {t(`alerts.act.${kind}`)}
          </button>
        ))}
      </div>
      {form && (
        <ActionForm
          key={form}
          kind={form}
          onSubmit={(payload) => onAct(form, payload)}
          onCancel={() => onForm(null)}
        />
      )}
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : 'muted'}
          data-testid="alert-message"
        >
          {message.text}
        </p>
      )}
      {children}
      <Checklist key={alert.id} steps={guidance} />
      <AlertJournal actions={actions} who={who} />
    </aside>
  );
}
