import type { Operator } from '../../../shared/central/records';
import type { StoreService } from '../db/store-service';
import type { Clock } from '../runtime/clock';

/** The operator id the console's own doings (SLA misses, start-up checks) are recorded under. */
export const SYSTEM_OPERATOR = 'system';

/** Panels refresh as data changes: the same operator seeing the same subject within this is one view. */
export const VIEW_AUDIT_MS = 5 * 60_000;

export interface AuditSubject {
  type: string;
  id: string | null;
}

/**
 * The one way the core writes to the audit log: who (an operator, or `system`), what, about whom,
 * and the details. Every row joins the hash chain in the store's worker.
 */
export class AuditTrail {
  private readonly lastViews = new Map<string, number>();

  constructor(
    private readonly store: StoreService,
    private readonly clock: Clock,
  ) {}

  async record(
    who: Operator | string | null,
    action: string,
    subject: AuditSubject | null = null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const operatorId = typeof who === 'string' || who === null ? who : who.id;
    await this.store.run((s) =>
      s.appendAudit({
        at: this.clock().toISOString(),
        operatorId,
        action,
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
        detail,
      }),
    );
  }

  /**
   * Records that an operator saw a person's data or an alert (`<type>.view`), once per operator,
   * subject and VIEW_AUDIT_MS.
   */
  async viewed(
    operator: Operator,
    subjectType: string,
    subjectId: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const key = `${operator.id}|${subjectType}|${subjectId}`;
    const at = this.clock().getTime();
    if (at - (this.lastViews.get(key) ?? -Infinity) < VIEW_AUDIT_MS) return;
    this.lastViews.set(key, at);
    await this.record(
      operator,
      `${subjectType}.view`,
      { type: subjectType, id: subjectId },
      detail,
    );
  }
}
