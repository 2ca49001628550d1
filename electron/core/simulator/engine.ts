import type { Alert, Position, Zone } from '../../../shared/central/records';
import { raiseAlert } from './raise-alert';
import {
  alertSeverity,
  BATTERY_CRITICAL_PCT,
  BATTERY_LOW_PCT,
} from '../../../shared/domain/alert-types';
import { offsetM, type LatLon } from '../../../shared/geo/distance';
import { placeInZone } from '../../../shared/zones/geometry';
import { scheduleInForce } from '../../../shared/zones/schedule';
import { batteryPct, dayIndex, dayPlan, whereabouts, type DayPlan } from './day-plan';
import { mix, rngFrom } from './rng';
import type { ServiceState } from './service-state';
import type { Victims } from './victims';
import type { SimClient, World } from './world';

const MINUTE = 60_000;
const SILENCE_MS = 25 * MINUTE;
const NO_COMMUNICATION_AFTER = 15 * MINUTE;
const TAMPER_MS = 4 * MINUTE;

type Condition = { type: Alert['type']; zoneId: string | null };

/**
 * Moves every client through their planned day and reports what their devices would: a fix a
 * minute while moving, every five minutes while still, none while silent. Each alert is raised
 * when its condition begins and cleared (not resolved: that is the referent's job) when it ends.
 */
export class Engine {
  /** Simulated time up to which fixes have been produced. */
  private until: number;
  private readonly plans = new Map<string, DayPlan>();
  /** Open conditions per client: condition key → alert id. */
  private readonly active = new Map<string, Map<string, string>>();
  private readonly lastFix = new Map<string, number>();
  /** The service's zones by client, rebuilt when a zone is made, changed or deleted. */
  private zonesByClient = new Map<string, Zone[]>();
  private zonesRevision = -1;

  constructor(
    private readonly seed: number,
    private readonly world: World,
    private readonly state: ServiceState,
    start: number,
    /** The victims with units (1.1 `victim_units`), or null for a 1.0 service. */
    readonly victims: Victims | null = null,
  ) {
    this.until = start - MINUTE;
  }

  /** The zones in force for a client as the service holds them now (a supervisor may change them). */
  private zonesOf(clientId: string): readonly Zone[] {
    if (this.zonesRevision !== this.state.zonesRevision) {
      this.zonesByClient = new Map();
      for (const zone of this.state.zones.values()) {
        for (const id of zone.clientId ? [zone.clientId] : zone.appliesTo) {
          const list = this.zonesByClient.get(id);
          if (list) list.push(zone);
          else this.zonesByClient.set(id, [zone]);
        }
      }
      this.zonesRevision = this.state.zonesRevision;
    }
    return this.zonesByClient.get(clientId) ?? [];
  }

  /** Produces everything that happens up to simulated time `to`. */
  advanceTo(to: number): void {
    const firstMinute = Math.floor(this.until / MINUTE) + 1;
    const lastMinute = Math.floor(to / MINUTE);
    for (let minute = firstMinute; minute <= lastMinute; minute += 1) {
      const at = minute * MINUTE;
      this.state.at(at, () => {
        for (const client of this.world.clients) this.step(client, at, minute);
        this.victims?.step(at, minute);
        if (minute % 60 === 0) this.reportBatteries(at);
      });
    }
    this.until = Math.max(this.until, to);
  }

  private plan(client: SimClient, at: number): DayPlan {
    const day = dayIndex(at);
    const key = `${client.index}:${day}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = dayPlan(this.seed, this.world, client, day);
      this.plans.set(key, plan);
      this.plans.delete(`${client.index}:${day - 2}`);
    }
    return plan;
  }

  private step(client: SimClient, at: number, minute: number): void {
    const plan = this.plan(client, at);
    const where = whereabouts(client, plan, at);
    const silent =
      plan.silentFrom !== null && at >= plan.silentFrom && at < plan.silentFrom + SILENCE_MS;
    const due = where.moving || (minute + client.index) % 5 === 0;
    const id = client.record.id;
    if (silent) {
      const since = this.lastFix.get(id) ?? at;
      this.setCondition(
        client,
        { type: 'no_communication', zoneId: null },
        at - since >= NO_COMMUNICATION_AFTER,
        null,
      );
      return;
    }
    if (!due) return;
    const position = this.fix(client, where, at);
    this.lastFix.set(id, at);
    this.state.addPosition(position);
    this.setCondition(client, { type: 'no_communication', zoneId: null }, false, position);
    this.evaluateZones(client, position, at);
    const tampered =
      plan.tamperAt !== null && at >= plan.tamperAt && at < plan.tamperAt + TAMPER_MS;
    this.setCondition(client, { type: 'strap_tamper', zoneId: null }, tampered, position);
  }

  /** A fix from `point` at `at`, outside the client's plan (see Simulator.visit). */
  reportAt(clientId: string, point: LatLon, at: number): Position {
    const client = this.world.clients.find((c) => c.record.id === clientId);
    if (!client) throw new Error(`No client ${clientId}`);
    let position!: Position;
    this.state.at(at, () => {
      position = {
        ...this.fix(client, { point, moving: true, speedKmh: 4 }, at),
        ...point,
        accuracyM: 8,
        source: 'gps',
      };
      this.lastFix.set(clientId, at);
      this.state.addPosition(position);
      this.evaluateZones(client, position, at);
    });
    return position;
  }

  private fix(client: SimClient, where: ReturnType<typeof whereabouts>, at: number): Position {
    const rng = rngFrom(mix(this.seed, client.index, at / MINUTE));
    const atHome = !where.moving && where.point === client.home;
    const rfHome = atHome && client.baseStationId !== null;
    const accuracyM = rfHome ? 30 : where.moving ? 4 + rng() * 8 : 10 + rng() * 25;
    const noisy = rfHome ? where.point : offsetM(where.point, rng() * 360, rng() * accuracyM * 0.7);
    const atIso = new Date(at).toISOString();
    return {
      id: this.state.nextId('P'),
      deviceId: rfHome ? client.baseStationId! : client.gpsTagId,
      clientId: client.record.id,
      at: atIso,
      receivedAt: new Date(at + 500 + Math.floor(rng() * 4000)).toISOString(),
      lat: Number(noisy.lat.toFixed(6)),
      lon: Number(noisy.lon.toFixed(6)),
      accuracyM: Math.round(accuracyM),
      speedKmh:
        where.speedKmh === null
          ? rfHome
            ? null
            : 0
          : Math.round(where.speedKmh * (0.8 + rng() * 0.4)),
      source: rfHome ? 'rf_home' : 'gps',
    };
  }

  private evaluateZones(client: SimClient, position: Position, at: number): void {
    const zones = this.zonesOf(client.record.id);
    this.clearGoneZones(client, zones, position);
    for (const zone of zones) {
      const inForce = scheduleInForce(zone.schedule, new Date(at));
      const place = placeInZone(zone, position);
      if (zone.kind === 'exclusion') {
        this.setCondition(
          client,
          { type: 'exclusion_entry', zoneId: zone.id },
          inForce && place === 'inside',
          position,
        );
        this.setCondition(
          client,
          { type: 'buffer_entry', zoneId: zone.id },
          inForce && place === 'buffer',
          position,
        );
      } else {
        const type = zone.schedule ? 'curfew_violation' : 'inclusion_exit';
        this.setCondition(
          client,
          { type, zoneId: zone.id },
          inForce && place === 'outside',
          position,
        );
      }
    }
  }

  private reportBatteries(at: number): void {
    for (const client of this.world.clients) {
      const pct = batteryPct(this.seed, this.world, client, at);
      const device = this.state.devices.get(client.gpsTagId);
      if (device && device.batteryPct !== pct) {
        this.state.update(this.state.devices, 'device', {
          ...device,
          batteryPct: pct,
          lastSeenAt: new Date(at).toISOString(),
        });
      }
      this.setCondition(
        client,
        { type: 'battery_low', zoneId: null },
        pct < BATTERY_LOW_PCT && pct >= BATTERY_CRITICAL_PCT,
        null,
      );
      this.setCondition(
        client,
        { type: 'battery_critical', zoneId: null },
        pct < BATTERY_CRITICAL_PCT,
        null,
      );
    }
  }

  /** A zone deleted, or no longer applying to the client, ends the conditions it had raised. */
  private clearGoneZones(client: SimClient, zones: readonly Zone[], position: Position): void {
    const open = this.active.get(client.record.id);
    if (!open) return;
    for (const key of [...open.keys()]) {
      const [type, zoneId] = key.split(':') as [Alert['type'], string];
      if (zoneId !== '' && !zones.some((zone) => zone.id === zoneId))
        this.setCondition(client, { type, zoneId }, false, position);
    }
  }

  /** Raises an alert when a condition starts and clears it when it ends. */
  private setCondition(
    client: SimClient,
    condition: Condition,
    holds: boolean,
    position: Position | null,
  ): void {
    const id = client.record.id;
    const key = `${condition.type}:${condition.zoneId ?? ''}`;
    const open = this.active.get(id) ?? new Map<string, string>();
    this.active.set(id, open);
    const alertId = open.get(key);
    if (holds && alertId === undefined) {
      const alert = raiseAlert(
        this.state,
        {
          clientId: id,
          deviceId: client.gpsTagId,
          severity: alertSeverity[condition.type],
          ...condition,
        },
        position,
      );
      open.set(key, alert.id);
    } else if (!holds && alertId !== undefined) {
      open.delete(key);
      const alert = this.state.alerts.get(alertId);
      if (alert)
        this.state.update(this.state.alerts, 'alert', {
          ...alert,
          clearedAt: position?.at ?? this.state.now().toISOString(),
        });
    }
  }
}
