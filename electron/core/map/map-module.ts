import type { Operator } from '../../../shared/central/records';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';
import type { Clock } from '../runtime/clock';
import type { SettingsStore } from '../settings/settings-store';
import type { ApproachWatch } from './approach-watch';
import { readBasemapRange } from './basemap-file';

type MapOperation = 'map.snapshot' | 'map.approaches' | 'clients.trail' | 'basemap.range';

/**
 * The live map's data: every client's newest fix (audited once per sign-in: it is everyone's
 * position at once), a client's trail (audited as a view of that client's movements) and the
 * local basemap file's bytes.
 */
export function mapModule(
  store: StoreService,
  settings: SettingsStore,
  audit: AuditTrail,
  clock: Clock,
  approaches: ApproachWatch,
): CoreModule<MapOperation> {
  // The session the snapshot was last audited in: a new sign-in is a new view of everyone.
  let auditedFor: Operator | null = null;
  return {
    name: 'map',
    start: () => approaches.start(),
    close: () => approaches.close(),
    handlers: {
      'map.approaches': () => ({ items: approaches.current() }),
      'map.snapshot': async (_input, context) => {
        const operator = operatorOf(context);
        const snapshot = await store.run((s) => s.mapSnapshot());
        if (auditedFor !== operator) {
          auditedFor = operator;
          await audit.record(operator, 'map.view', null, { clients: snapshot.clients.length });
        }
        return snapshot;
      },
      'clients.trail': async ({ clientId, hours }, context) => {
        // The hours up to the newest fix: a client gone silent still shows where they went.
        const last = await store.run((s) => s.lastFixFor(clientId));
        const to = Math.max(clock().getTime(), last ? Date.parse(last.at) : 0);
        const track = await store.run((s) =>
          s.trackForClient(clientId, to - hours * 3_600_000, to + 1),
        );
        await audit.viewed(operatorOf(context), 'trail', clientId, { hours });
        return { clientId, at: [...track.at], lat: [...track.lat], lon: [...track.lon] };
      },
      'basemap.range': ({ offset, length }) => {
        const { basemapDir, pmtilesPath } = settings.get();
        return readBasemapRange(basemapDir, pmtilesPath, offset, length);
      },
    },
  };
}
