import { ConsoleApiError } from '../../../shared/api/errors';
import type { Zone, ZoneVersion } from '../../../shared/central/records';
import type { ZoneChange, ZoneDraft, ZoneQueued } from '../../../shared/domain/zones';
import { describeProblem, zoneProblems } from '../../../shared/zones/validate';
import type { OperatorActions } from '../actions/operator-actions';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';
import type { ZoneHistoryRefresher } from './zone-history';

type ZoneOps = 'zones.save' | 'zones.delete' | 'zones.history';

export interface ZonesModuleOptions {
  store: StoreService;
  actions: OperatorActions;
  audit: AuditTrail;
  zoneHistory: ZoneHistoryRefresher;
}

/** The fields a supervisor changes; what differs between two versions is listed by these names. */
const FIELDS = [
  'name',
  'kind',
  'clientId',
  'appliesTo',
  'geometry',
  'bufferM',
  'schedule',
] as const;

/**
 * Zones and their schedules, made and changed by supervisors (the permission table). A change is
 * checked here as the editor checks it (the core trusts no page), then goes through the outbox with
 * the version it was made from: a change made meanwhile on another console comes back as a 409
 * refusal with the zone as it now stands, never overwritten. Each version's history says who made
 * it, where this console knows.
 */
export function zonesModule(o: ZonesModuleOptions): CoreModule<ZoneOps> {
  const { store, actions, audit } = o;

  const cached = async (zoneId: string): Promise<Zone> => {
    const zone = (await store.run((s) => s.recordById('zones', zoneId))) as Zone | null;
    if (!zone)
      throw new ConsoleApiError('not_found', `No zone ${zoneId}`, 'zoneId', { what: 'zone' });
    return zone;
  };

  const save = async (draft: ZoneDraft, operator: ReturnType<typeof operatorOf>) => {
    const problems = zoneProblems(draft);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new ConsoleApiError(
        'invalid_input',
        `${first.field}: ${describeProblem(first)}`,
        first.field,
        {
          problem: first.code,
          ...first.values,
        },
      );
    }
    const { zoneId, expectedVersion, ...fields } = draft;
    if (zoneId === undefined) {
      const item = await actions.queue(operator, 'zone.create', fields);
      return { id: item.id, zoneId: null } satisfies ZoneQueued;
    }
    await cached(zoneId);
    const item = await actions.queue(operator, 'zone.update', {
      ...fields,
      zoneId,
      expectedVersion: expectedVersion!,
    });
    return { id: item.id, zoneId } satisfies ZoneQueued;
  };

  return {
    name: 'zones',
    handlers: {
      'zones.save': (draft, context) => save(draft, operatorOf(context)),
      'zones.delete': async ({ zoneId, expectedVersion }, context) => {
        await cached(zoneId);
        const item = await actions.queue(operatorOf(context), 'zone.delete', {
          zoneId,
          expectedVersion,
        });
        return { id: item.id, zoneId };
      },
      'zones.history': async ({ zoneId }, context) => {
        const source = await o.zoneHistory([zoneId], { fresh: true });
        const versions = await store.run((s) => s.zoneVersionsOf(zoneId));
        if (versions.length === 0) await cached(zoneId);
        const authors = await store.run((s) => s.zoneAuthors(zoneId));
        await audit.viewed(operatorOf(context), 'zone_history', zoneId, {
          versions: versions.length,
        });
        return { items: changes(versions, authors).reverse(), source };
      },
    },
  };
}

/** Each version with the fields that differ from the one before it. */
function changes(versions: readonly ZoneVersion[], authors: Map<number, string>): ZoneChange[] {
  return versions.map((version, index) => {
    const { validFrom, validTo, ...zone } = version;
    const before = index > 0 ? versions[index - 1]! : null;
    return {
      version: zone.version,
      validFrom,
      validTo,
      changedBy: authors.get(zone.version) ?? null,
      changed: before
        ? FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(zone[field]))
        : [],
      zone,
    };
  });
}
