import type { AttentionState } from '../../../shared/domain/attention';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';

/**
 * This console's mute of sounds and notifications. It always ends by itself (at most an hour),
 * and who muted it, for how long, and who ended it early are in the audit trail.
 */
export class Mute {
  private state: AttentionState = { mutedUntil: null, mutedBy: null };

  constructor(
    private readonly store: StoreService,
    private readonly events: EventBus,
    private readonly now: () => Date,
  ) {}

  get(): AttentionState {
    const { mutedUntil } = this.state;
    if (mutedUntil !== null && Date.parse(mutedUntil) <= this.now().getTime())
      this.state = { mutedUntil: null, mutedBy: null };
    return this.state;
  }

  async mute(minutes: number, operatorId: string | null): Promise<AttentionState> {
    const at = this.now();
    const mutedUntil = new Date(at.getTime() + minutes * 60_000).toISOString();
    await this.audit('attention.mute', at, operatorId, { minutes, until: mutedUntil });
    return this.set({ mutedUntil, mutedBy: operatorId });
  }

  async unmute(operatorId: string | null): Promise<AttentionState> {
    if (this.get().mutedUntil === null) return this.state;
    await this.audit('attention.unmute', this.now(), operatorId, {});
    return this.set({ mutedUntil: null, mutedBy: null });
  }

  private set(next: AttentionState): AttentionState {
    this.state = next;
    this.events.emit('attention.changed', next);
    return next;
  }

  private audit(
    action: string,
    at: Date,
    operatorId: string | null,
    detail: Record<string, unknown>,
  ): Promise<unknown> {
    const entry = { at: at.toISOString(), operatorId, action, subjectType: null, subjectId: null };
    return this.store.run((s) => s.appendAudit({ ...entry, detail }));
  }
}
