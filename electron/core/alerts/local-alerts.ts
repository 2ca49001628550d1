import { randomUUID } from 'node:crypto';
import { ConsoleApiError } from '../../../shared/api/errors';
import { applyAction, refusal } from '../../../shared/central/alert-workflow';
import type { Alert, AlertAction, Operator } from '../../../shared/central/records';
import type { AlertActInput } from '../../../shared/domain/outbox';
import type { AuditTrail } from '../audit/audit-trail';
import type { CacheRecord } from '../db/apply-events';
import type { StoreService } from '../db/store-service';
import type { LiveFeed } from '../map/live-feed';
import type { Clock } from '../runtime/clock';

/** Ids of alerts this console raised itself, which the service has never seen. */
export const LOCAL_ALERT_PREFIX = 'LOCAL-';
export const isLocalAlert = (alertId: string): boolean => alertId.startsWith(LOCAL_ALERT_PREFIX);

/**
 * Alerts of an attached receiver that a 1.0 service cannot take: they live in this console's
 * cache, follow the same state machine, and every move is written here and audited (there is
 * nothing to send). Other consoles never see them; the page says so.
 */
export class LocalAlerts {
  constructor(
    private readonly store: StoreService,
    private readonly live: LiveFeed,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async write(alert: Alert): Promise<void> {
    await this.save([{ type: 'alert', data: alert }]);
  }

  async get(alertId: string): Promise<Alert | null> {
    return (await this.store.run((s) => s.recordById('alerts', alertId))) as Alert | null;
  }

  async act(input: AlertActInput, operator: Operator): Promise<void> {
    const alert = await this.get(input.alertId);
    if (!alert)
      throw new ConsoleApiError('not_found', `No alert ${input.alertId}`, 'alertId', {
        what: 'alert',
      });
    if (input.expectedVersion !== undefined && input.expectedVersion !== alert.version)
      throw new ConsoleApiError(
        'conflict',
        `The alert changed meanwhile (version ${alert.version})`,
      );
    const refused = refusal(alert, input.kind, operator);
    if (refused) throw new ConsoleApiError('conflict', `Cannot ${input.kind}: ${refused}`);
    const at = this.clock().toISOString();
    const changed = applyAction(alert, input.kind, operator.id, at, input.payload);
    const action: AlertAction = {
      id: `${LOCAL_ALERT_PREFIX}A-${randomUUID()}`,
      alertId: alert.id,
      operatorId: operator.id,
      at,
      kind: input.kind,
      payload: input.payload,
    };
    const records: CacheRecord[] = [{ type: 'alert.action', data: action }];
    if (changed !== alert)
      records.unshift({
        type: 'alert',
        data: { ...changed, version: alert.version + 1, updatedAt: at },
      });
    await this.save(records);
    await this.audit.record(
      operator,
      `alert.${input.kind}`,
      { type: 'alert', id: alert.id },
      {
        local: true,
        payload: input.payload,
      },
    );
  }

  private async save(records: CacheRecord[]): Promise<void> {
    await this.store.run((s) => s.applyRecords(records));
    this.live.applied(records);
  }
}
