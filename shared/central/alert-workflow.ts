import type { Alert, AlertAction, Operator } from './records';

export type ActionKind = AlertAction['kind'];

/** The actions that move an alert through its states (and so change its version). */
export const stateMoves: readonly ActionKind[] = ['claim', 'release', 'acknowledge', 'resolve'];
export const isStateMove = (kind: ActionKind): boolean => stateMoves.includes(kind);

/**
 * The alert state machine of central-api.md:
 *   open --claim--> claimed --acknowledge--> acknowledged --resolve--> resolved
 *   claimed --release--> open;  note/contact/escalate in open, claimed, acknowledged.
 * Only the claiming operator may acknowledge, release or resolve; a supervisor may release any
 * claim. The service enforces it (409); the console uses it to offer only legal moves.
 */
export function refusal(
  alert: Alert,
  kind: ActionKind,
  operator: Pick<Operator, 'id' | 'roles'>,
): string | null {
  const mine = alert.claimedBy === operator.id;
  switch (kind) {
    case 'claim':
      if (alert.state === 'open') return null;
      return alert.state === 'resolved'
        ? 'the alert is resolved'
        : `the alert is claimed by ${alert.claimedBy}`;
    case 'release':
      if (alert.state !== 'claimed') return `a ${alert.state} alert cannot be released`;
      return mine || operator.roles.includes('supervisor')
        ? null
        : `the alert is claimed by ${alert.claimedBy}`;
    case 'acknowledge':
      if (alert.state !== 'claimed') return `a ${alert.state} alert cannot be acknowledged`;
      return mine ? null : `the alert is claimed by ${alert.claimedBy}`;
    case 'resolve':
      if (alert.state !== 'acknowledged') return `a ${alert.state} alert cannot be resolved`;
      return mine ? null : `the alert is claimed by ${alert.claimedBy}`;
    case 'note':
    case 'contact':
    case 'escalate':
      return alert.state === 'resolved' ? 'the alert is resolved' : null;
  }
}

/** The alert after a permitted action, without version or timestamps (the service sets those). */
export function applyAction(
  alert: Alert,
  kind: ActionKind,
  operatorId: string,
  at: string,
  payload: Record<string, unknown>,
): Alert {
  switch (kind) {
    case 'claim':
      return { ...alert, state: 'claimed', claimedBy: operatorId };
    case 'release':
      return { ...alert, state: 'open', claimedBy: null };
    case 'acknowledge':
      return { ...alert, state: 'acknowledged', acknowledgedAt: at };
    case 'resolve':
      return {
        ...alert,
        state: 'resolved',
        resolvedAt: at,
        resolution: {
          code: payload.code as NonNullable<Alert['resolution']>['code'],
          note: String(payload.note ?? ''),
        },
      };
    default:
      return alert;
  }
}
