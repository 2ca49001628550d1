import type { Operator } from '../../../shared/central/records';
import type { AttentionState } from '../../../shared/domain/attention';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';

/**
 * This console's mute of sounds and notifications. It always ends by itself (at most an hour),
 * and who muted it, for how long, and who ended it early are in the audit trail.
 */
export class Mute {
  private state: AttentionState = { mutedUntil: null, mutedBy: null };

  constructor(
    private readonly events: EventBus,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  get(): AttentionState {
    const { mutedUntil } = this.state;
    if (mutedUntil !== null && Date.parse(mutedUntil) <= this.clock().getTime())
      this.state = { mutedUntil: null, mutedBy: null };
    return this.state;
  }

  async mute(minutes: number, operator: Operator): Promise<AttentionState> {
    const mutedUntil = new Date(this.clock().getTime() + minutes * 60_000).toISOString();
    await this.audit.record(operator, 'attention.mute', null, { minutes, until: mutedUntil });
    return this.set({ mutedUntil, mutedBy: operator.id });
  }

  async unmute(operator: Operator): Promise<AttentionState> {
    if (this.get().mutedUntil === null) return this.state;
    await this.audit.record(operator, 'attention.unmute');
    return this.set({ mutedUntil: null, mutedBy: null });
  }

  private set(next: AttentionState): AttentionState {
    this.state = next;
    this.events.emit('attention.changed', next);
    return next;
  }
}
