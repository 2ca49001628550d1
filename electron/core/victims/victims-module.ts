import { serviceFeatures } from '../central/capabilities';
import type { CentralHttp } from '../central/central-http';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';
import type { Clock } from '../runtime/clock';
import type { ProtectionOrder } from '../../../shared/central/records';
import { proximityBand, type ShownVictim } from '../../../shared/domain/victims';

type VictimOps = 'victims.protection' | 'victims.shown';

export interface VictimsModuleOptions {
  store: StoreService;
  audit: AuditTrail;
  clock: Clock;
  /** The session's connection to the service, or null while there is none. */
  http: () => CentralHttp | null;
}

/**
 * Victim protection (central API 1.1 `victim_units`). A client's file and panel get each order's
 * distance band only; a victim's position leaves the core only for an order whose
 * `victim_proximity` alert is unresolved, and each such view is audited (per operator and order).
 */
export function victimsModule(o: VictimsModuleOptions): CoreModule<VictimOps> {
  const { store, audit, clock } = o;
  /** Whether the service offers victim units; against 1.0 the console holds no orders. */
  const offered = async (hasOrders: boolean): Promise<boolean> => {
    if (hasOrders) return true;
    const http = o.http();
    const features = http ? await serviceFeatures(http).catch(() => null) : null;
    return features?.features.has('victim_units') ?? false;
  };
  return {
    name: 'victims',
    handlers: {
      'victims.protection': async ({ clientId }, context) => {
        const orders = await store.run((s) => s.ordersOfClient(clientId));
        const client = await store.run((s) => s.lastFixFor(clientId));
        const now = clock().getTime();
        const bands = [];
        for (const order of orders) {
          const victim = await store.run((s) => s.lastVictimPosition(order.id));
          bands.push({
            orderId: order.id,
            active: order.active,
            alertDistanceM: order.alertDistanceM,
            warnDistanceM: order.warnDistanceM,
            band: order.active ? proximityBand(order, client, victim, now) : 'unknown',
          });
        }
        if (orders.length > 0)
          await audit.viewed(operatorOf(context), 'protection', clientId, {
            orders: orders.length,
          });
        return { orders: bands, offered: await offered(orders.length > 0) };
      },
      'victims.shown': async (_input, context) => {
        const alerts = await store.run((s) => s.openProximityAlerts());
        const victims: ShownVictim[] = [];
        for (const alert of alerts) {
          const order = (await store.run((s) =>
            s.recordById('protection_orders', alert.orderId),
          )) as ProtectionOrder | null;
          if (!order) continue;
          const position = await store.run((s) => s.lastVictimPosition(order.id));
          await audit.viewed(operatorOf(context), 'victim_position', order.id, {
            alertId: alert.id,
            clientId: order.clientId,
          });
          victims.push({
            orderId: order.id,
            alertId: alert.id,
            clientId: order.clientId,
            alertDistanceM: order.alertDistanceM,
            position: position && {
              lat: position.lat,
              lon: position.lon,
              accuracyM: position.accuracyM,
              at: position.at,
            },
          });
        }
        return { victims };
      },
    },
  };
}
