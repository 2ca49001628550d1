import type { AppInfo } from '../../shared/domain/app-info';
import type { ConnectionState } from '../../shared/domain/connection';
import type { ChainBreak } from '../../shared/domain/audit';
import type { AuditMonitor } from './audit/audit-monitor';
import type { ConnectionTracker } from './central/connection-state';
import type { StoreService } from './db/store-service';

/**
 * What `GET /health` answers. Without the bridge's token: only that the console is up and its
 * version. With it: enough for a watchdog (connection, cache counts, the audit chain), nothing
 * personal.
 */
export type HealthReport =
  | { ok: true; version: string }
  | {
      ok: true;
      version: string;
      mode: AppInfo['mode'];
      connection: Pick<ConnectionState, 'status' | 'central' | 'lastSeq' | 'lastEventAt' | 'since'>;
      /** Counts of cached records; null while the local cache is unavailable. */
      cache: Record<string, number> | null;
      cacheError: string | null;
      audit: {
        rows: number;
        intact: boolean;
        broken: ChainBreak | null;
        anchoring: boolean | null;
      };
    };

export async function healthReport(
  full: boolean,
  parts: {
    info: AppInfo;
    connection: ConnectionTracker;
    store: StoreService;
    audit: AuditMonitor;
  },
): Promise<HealthReport> {
  const { info, connection, store, audit } = parts;
  if (!full) return { ok: true, version: info.version };
  const { status, central, lastSeq, lastEventAt, since } = connection.get();
  const cache = await store.run((s) => s.counts()).catch(() => null);
  const chain = audit.get();
  return {
    ok: true,
    version: info.version,
    mode: info.mode,
    connection: { status, central, lastSeq, lastEventAt, since },
    cache,
    cacheError: store.openError,
    audit: {
      rows: chain.rows,
      intact: chain.broken === null,
      broken: chain.broken,
      anchoring: chain.anchoring.available,
    },
  };
}
