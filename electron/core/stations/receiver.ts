import type { Device, Operator } from '../../../shared/central/records';
import type { Sentence } from '../../../shared/stations/sentences';
import type { OperatorActions } from '../actions/operator-actions';
import { clearedAlert, localAlert } from '../alerts/rules/local-alert';
import type { StationReading } from '../alerts/rules/station-reading';
import { conditionKey, evaluateReading, type RuleOutcome } from '../alerts/rules/station-rules';
import type { LocalAlerts } from '../alerts/local-alerts';
import type { AuditTrail } from '../audit/audit-trail';
import type { Settled } from '../central/outbox-sender';
import type { StoreService } from '../db/store-service';
import type { Clock } from '../runtime/clock';

export interface ReceiverOptions {
  store: StoreService;
  actions: OperatorActions;
  local: LocalAlerts;
  audit: AuditTrail;
  clock: Clock;
  /** Whether the service takes console alerts (1.1 console_alerts) for this session. */
  shared: () => Promise<boolean>;
  /** Who is signed in: a shared alert is reported in their session. */
  operator: () => Operator | null;
  logError: (message: string, error: unknown) => void;
}

/** A raised condition: the alert's id once known, the raise's key until then, a clear waiting. */
interface Raised {
  alertId: string | null;
  raiseKey: string | null;
  clearAt: string | null;
}

const STATE_KEY = 'receiver.raised';

/** A sentence as the local rules read it, or null for one that says nothing about alerts. */
export function readingOf(
  sentence: Sentence,
  stationId: string,
  at: string,
): StationReading | null {
  switch (sentence.type) {
    case 'SBE':
      return { kind: 'event', stationId, at, code: sentence.code, tagId: sentence.tagId };
    case 'SBS':
      return {
        kind: 'status',
        stationId,
        at,
        mains: sentence.mains,
        batteryPct: sentence.batteryPct,
        caseOpen: sentence.caseOpen,
      };
    case 'SBH':
      return {
        kind: 'heartbeat',
        stationId,
        at,
        tagId: sentence.tagId,
        tagBatteryPct: sentence.tagBatteryPct,
        strap: sentence.strap,
      };
    default:
      return null;
  }
}

/**
 * The live receiver: what an attached station hears updates the cache (a device's last reading)
 * and feeds the local alert rules. Their alerts go to the service as 1.1 console alerts, so every
 * console works them; against a 1.0 service (or with nobody signed in) they are this console's
 * own. A condition is raised once and cleared when it ends, never resolved: a referent does that.
 */
export class Receiver {
  private raised = new Map<string, Raised>();
  private work: Promise<unknown> = Promise.resolve();
  private sequence = 0;

  constructor(private readonly o: ReceiverOptions) {}

  /** Loads what was raised before a restart; sentences heard meanwhile wait for it. */
  start(): void {
    this.work = this.load().catch((error: unknown) => this.o.logError('receiver', error));
  }

  private async load(): Promise<void> {
    const saved = await this.o.store.run((s) => s.readLocalState(STATE_KEY));
    const state = saved as { raised: [string, Raised][]; sequence: number } | null;
    if (state) {
      this.raised = new Map(state.raised);
      this.sequence = state.sequence;
    }
  }

  /** Sentences are handled one after another, in the order heard. */
  heard(sentence: Sentence, stationSerial: string | null): Promise<unknown> {
    this.work = this.work
      .then(() => this.handle(sentence, stationSerial))
      .catch((error: unknown) => this.o.logError('receiver', error));
    return this.work;
  }

  /** The outbox delivered something: a console alert raised tells us its id. */
  settled(settled: Settled): void {
    if (settled.item.operation !== 'alert.raise' || settled.state !== 'delivered') return;
    const alert = settled.records.find((r) => r.type === 'alert');
    if (!alert || alert.type !== 'alert') return;
    this.work = this.work
      .then(async () => {
        for (const entry of this.raised.values())
          if (entry.raiseKey === settled.item.idempotencyKey) {
            entry.alertId = alert.data.id;
            if (entry.clearAt) await this.clear(entry, entry.clearAt);
          }
        await this.save();
      })
      .catch((error: unknown) => this.o.logError('receiver', error));
  }

  async idle(): Promise<void> {
    await this.work;
  }

  private async handle(sentence: Sentence, stationSerial: string | null): Promise<void> {
    const at = this.o.clock().toISOString();
    const reading = readingOf(sentence, stationSerial ?? '-', at);
    if (!reading) return;
    await this.remember(reading, stationSerial);
    const outcomes = evaluateReading(reading, new Set(this.raised.keys()));
    for (const outcome of outcomes) await this.apply(outcome);
    if (outcomes.length > 0) await this.save();
  }

  /** What the receiver heard of each device, kept beside the service's record of it. */
  private async remember(reading: StationReading, stationSerial: string | null): Promise<void> {
    const key =
      reading.kind === 'heartbeat'
        ? reading.tagId
        : reading.kind === 'event' && reading.tagId
          ? reading.tagId
          : stationSerial;
    if (!key) return;
    const device = await this.device(key);
    if (device) await this.o.store.run((s) => s.recordReading(device.id, reading.at, reading));
  }

  private device(key: string): Promise<Device | null> {
    return this.o.store.run((s) => s.deviceBySerialOrId(key));
  }

  private async apply(outcome: RuleOutcome): Promise<void> {
    const type = 'raise' in outcome ? outcome.raise : outcome.clear;
    const key = conditionKey(outcome.deviceId, type);
    if ('clear' in outcome) {
      const entry = this.raised.get(key);
      this.raised.delete(key);
      if (entry) await this.clear(entry, outcome.at);
      return;
    }
    const device = await this.device(outcome.deviceId);
    // A tag or station the register does not know belongs to no client: nothing to raise.
    if (!device?.clientId) return;
    const operator = this.o.operator();
    const fields = { ...outcome, deviceId: device.id };
    if (operator && (await this.o.shared())) {
      const item = await this.o.actions.queue(operator, 'alert.raise', {
        clientId: device.clientId,
        deviceId: device.id,
        type: outcome.raise,
        severity: outcome.severity,
        raisedAt: outcome.at,
        position: null,
      });
      this.raised.set(key, { alertId: null, raiseKey: item.idempotencyKey, clearAt: null });
      return;
    }
    this.sequence++;
    const alert = {
      ...localAlert(
        fields,
        device.clientId,
        Date.now() * 100 + (this.sequence % 100),
        null,
        outcome.at,
      ),
      source: 'console' as const,
    };
    await this.o.local.write(alert);
    await this.o.audit.record(
      operator,
      'alert.raise',
      { type: 'alert', id: alert.id },
      {
        local: true,
        type: alert.type,
        deviceId: device.id,
      },
    );
    this.raised.set(key, { alertId: alert.id, raiseKey: null, clearAt: null });
  }

  private async clear(entry: Raised, at: string): Promise<void> {
    if (!entry.alertId) {
      // Raised but not yet delivered: the clear follows once the service names the alert.
      entry.clearAt = at;
      this.raised.set(`pending|${entry.raiseKey}`, entry);
      return;
    }
    entry.clearAt = null;
    if (entry.raiseKey === null) {
      const alert = await this.o.local.get(entry.alertId);
      if (alert && !alert.clearedAt) await this.o.local.write(clearedAlert(alert, at));
      return;
    }
    this.raised.delete(`pending|${entry.raiseKey}`);
    const operator = this.o.operator();
    if (operator)
      await this.o.actions.queue(operator, 'alert.clear', { alertId: entry.alertId, at });
  }

  private save(): Promise<void> {
    return this.o.store.run((s) =>
      s.writeLocalState(STATE_KEY, { raised: [...this.raised], sequence: this.sequence }),
    );
  }
}
