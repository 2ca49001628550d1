import { randomUUID } from 'node:crypto';
import { operatorOf } from '../api/dispatcher';
import type { CentralService } from '../central/central-service';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { CoreModule } from '../module';
import type { Clock, Monotonic } from '../runtime/clock';
import { AuditMonitor } from './audit-monitor';
import type { AuditTrail } from './audit-trail';
import { auditCsv } from './csv';

type AuditOperation = 'audit.status' | 'audit.list' | 'audit.export';

/** Where a cache keeps the id its anchors are sent under (local_state). */
export const CONSOLE_ID_KEY = 'console_id';

export interface AuditModuleOptions {
  store: StoreService;
  central: CentralService;
  events: EventBus;
  audit: AuditTrail;
  clock: Clock;
  monotonic: Monotonic;
  logError: (message: string, error: unknown) => void;
  /** Tests shorten the anchoring pass (default 10 s). */
  tickMs?: number;
}

/** This cache's console id for the service's anchors: made once, kept with the log it names. */
async function consoleIdOf(store: StoreService): Promise<string> {
  const known = await store.run((s) => s.readLocalState(CONSOLE_ID_KEY)).catch(() => null);
  if (typeof known === 'string') return known;
  const id = randomUUID();
  await store.run((s) => s.writeLocalState(CONSOLE_ID_KEY, id)).catch(() => undefined);
  return id;
}

/**
 * The audit log's review and its proof: supervisors list, filter and export it; the chain is
 * checked at start-up and against the central service's anchors.
 */
export async function auditModule(options: AuditModuleOptions): Promise<{
  module: CoreModule<AuditOperation>;
  monitor: AuditMonitor;
}> {
  const { store, central, events, audit, clock } = options;
  const monitor = new AuditMonitor({
    store,
    anchoring: { consoleId: await consoleIdOf(store), monotonic: options.monotonic },
    http: () => central.http(),
    events,
    clock,
    logError: options.logError,
    tickMs: options.tickMs,
  });
  const module: CoreModule<AuditOperation> = {
    name: 'audit',
    handlers: {
      'audit.status': () => monitor.get(),
      'audit.list': ({ beforeSeq, limit, ...filter }) =>
        store.run((s) => s.auditPage(filter, beforeSeq, limit)),
      'audit.export': async (filter, context) => {
        const rows = await store.run((s) => s.auditRows(filter));
        await audit.record(operatorOf(context), 'audit.export', null, {
          filter,
          rows: rows.length,
        });
        return { csv: auditCsv(rows), rows: rows.length };
      },
    },
    start: () => monitor.start(),
    close: () => monitor.close(),
  };
  return { module, monitor };
}
