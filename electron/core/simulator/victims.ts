import type { Position, ProtectionOrder } from '../../../shared/central/records';
import { alertSeverity } from '../../../shared/domain/alert-types';
import { distanceM, offsetM, type LatLon } from '../../../shared/geo/distance';
import { raiseAlert } from './raise-alert';
import { mix, rngFrom } from './rng';
import type { ServiceState } from './service-state';
import type { SimClient, World } from './world';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
/** A client's fix older than this tells nothing about nearness now. */
const STALE_MS = 15 * MINUTE;

/**
 * Victims carrying units (central API 1.1 `victim_units`): at home from 21:00 to 08:00 (Rīga),
 * during the day at a place of that day's; a fix every two minutes. The service raises
 * `victim_proximity` (with the order's id) when the client's last fix is closer than the order's
 * alert distance, and clears it when they are apart again. A drill (`approach`) puts a victim
 * beside their client for a while, as a test or a training scenario needs.
 */
export class Victims {
  /** Open proximity alerts by order id. */
  private readonly open = new Map<string, string>();
  /** Drills: order id → until when the victim stays beside the client. */
  private readonly drills = new Map<string, number>();
  private readonly byOrder = new Map<string, SimClient>();

  constructor(
    private readonly seed: number,
    world: World,
    private readonly state: ServiceState,
  ) {
    for (const client of world.clients) if (client.order) this.byOrder.set(client.order.id, client);
  }

  /** Everything of minute `at` (called by the engine with the service's clock held at it). */
  step(at: number, minute: number): void {
    for (const [orderId, client] of this.byOrder) {
      if (minute % 2 === client.index % 2) this.report(orderId, client, at);
    }
  }

  /** A drill: the victim of `orderId` is beside the client from now until `forMs` from now. */
  approach(orderId: string, forMs: number): void {
    const client = this.byOrder.get(orderId);
    if (!client) throw new Error(`No protection order ${orderId}`);
    const at = this.state.now().getTime();
    this.drills.set(orderId, at + forMs);
    this.report(orderId, client, at);
  }

  /** Ends a drill now: the victim is back where their day has them. */
  separate(orderId: string): void {
    const client = this.byOrder.get(orderId);
    if (!client) throw new Error(`No protection order ${orderId}`);
    this.drills.delete(orderId);
    this.report(orderId, client, this.state.now().getTime());
  }

  private report(orderId: string, client: SimClient, at: number): void {
    const order = this.state.protectionOrders.get(orderId);
    if (!order?.active) return;
    const clientFix = this.state.positions.get(client.record.id)?.at(-1) ?? null;
    const where = this.whereabouts(orderId, client, clientFix, at);
    this.state.addVictimPosition({
      id: this.state.nextId('VP'),
      deviceId: order.victimDeviceId,
      orderId,
      at: new Date(at).toISOString(),
      lat: Number(where.lat.toFixed(6)),
      lon: Number(where.lon.toFixed(6)),
      accuracyM: 15,
    });
    const near =
      clientFix !== null &&
      at - Date.parse(clientFix.at) <= STALE_MS &&
      distanceM(clientFix, where) < order.alertDistanceM;
    this.setProximity(order, client, near, clientFix);
  }

  private whereabouts(
    orderId: string,
    client: SimClient,
    clientFix: Position | null,
    at: number,
  ): LatLon {
    const home = client.victimHome!;
    if ((this.drills.get(orderId) ?? 0) > at && clientFix) return offsetM(clientFix, 45, 150);
    const hour = (new Date(at).getUTCHours() + 2) % 24; // Rīga, near enough for a day's rhythm
    if (hour >= 21 || hour < 8) return home;
    const rng = rngFrom(mix(this.seed, client.index, 31, Math.floor(at / DAY)));
    return offsetM(home, rng() * 360, 500 + rng() * 2000);
  }

  private setProximity(
    order: ProtectionOrder,
    client: SimClient,
    near: boolean,
    position: Position | null,
  ): void {
    const alertId = this.open.get(order.id);
    if (near && alertId === undefined) {
      const alert = raiseAlert(
        this.state,
        {
          clientId: order.clientId,
          deviceId: client.gpsTagId,
          zoneId: null,
          orderId: order.id,
          type: 'victim_proximity',
          severity: alertSeverity.victim_proximity,
        },
        position,
        this.state.now().toISOString(),
      );
      this.open.set(order.id, alert.id);
    } else if (!near && alertId !== undefined) {
      this.open.delete(order.id);
      const alert = this.state.alerts.get(alertId);
      if (alert && !alert.clearedAt)
        this.state.update(this.state.alerts, 'alert', {
          ...alert,
          clearedAt: this.state.now().toISOString(),
        });
    }
  }
}
