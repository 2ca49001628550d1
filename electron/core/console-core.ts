import pkg from '../../package.json' with { type: 'json' };
import type { AppInfo } from '../../shared/domain/app-info';
import type { ConnectionState } from '../../shared/domain/connection';
import { tileOrigin } from '../../shared/domain/settings';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import type { Handlers } from './api/handlers';
import { ConsoleApiError } from '../../shared/api/errors';
import { createAlertHandlers, type AlertHandlersOptions } from './alerts/alert-handlers';
import { SlaWatch } from './alerts/sla-watch';
import { OperatorActions } from './actions/operator-actions';
import { LiveFeed } from './map/live-feed';
import { readBasemapRange } from './map/basemap-file';
import { CentralService } from './central/central-service';
import { ConnectionTracker } from './central/connection-state';
import { EventBus } from './events/event-bus';
import { cacheFileFor, removeCache } from './db/cache-file';
import { StoreService } from './db/store-service';
import { ensureWritableDataDir } from './runtime/data-dir';
import { startSimulator } from './simulator/simulator';
import { openSettingsStore } from './settings/settings-store';

export interface ConsoleCoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /**
   * Base URL of the central service; 'embedded' starts the training simulator in this process;
   * null runs on the cache alone; undefined: the Settings' central URL, or the simulator if none.
   */
  central?: string | null | 'embedded';
  electronVersion?: string | null;
  /** The compiled database worker (desktop build); source runs find their own. */
  storeWorkerUrl?: URL | string;
  now?: () => Date;
  /** How often open alerts are checked against their SLA targets (tests shorten it). */
  slaCheckMs?: number;
  /** Desktop notifications where the shell has them (Electron's Notification). */
  notify?: AlertHandlersOptions['notify'];
  logError?: (message: string, error: unknown) => void;
}

/** What `GET /health` answers: enough for a watchdog, nothing personal. */
export interface HealthReport {
  ok: true;
  version: string;
  mode: AppInfo['mode'];
  connection: Pick<ConnectionState, 'status' | 'central' | 'lastSeq' | 'lastEventAt' | 'since'>;
  /** Counts of cached records; null while the local cache is unavailable. */
  cache: Record<string, number> | null;
  cacheError: string | null;
}

export interface ConsoleCore {
  readonly dispatch: Dispatch;
  health(): Promise<HealthReport>;
  readonly events: EventBus;
  readonly info: AppInfo;
  /** Origins the page may load images from: the tile server set in Settings, if any. */
  imageOrigins(): string[];
  close(): Promise<void>;
}

const VIEW_AUDIT_MS = 5 * 60_000;

/**
 * Assembles the console's brain. It never imports Electron: the desktop shell and the headless
 * bridge both wrap the same core, and tests drive it under plain Node.
 */
export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? defaultLogError;
  ensureWritableDataDir(options.dataDir);

  const events = new EventBus();
  const settings = openSettingsStore(options.dataDir, now);
  const central_ =
    options.central === undefined ? (settings.get().centralUrl ?? 'embedded') : options.central;
  const simulator = central_ === 'embedded' ? await startSimulator() : null;
  const centralUrl = simulator?.url ?? (central_ === 'embedded' ? null : central_);
  const connection = new ConnectionTracker(events, now, centralUrl);
  for (const warning of settings.warnings) logError(warning, null);
  const cacheFile = cacheFileFor(options.dataDir, central_);
  if (central_ === 'embedded') removeCache(cacheFile);
  const store = await StoreService.open({
    file: cacheFile,
    workerUrl: options.storeWorkerUrl,
    now,
    retentionDays: () => settings.get().retentionDays,
    logError,
  });

  const central: CentralService = new CentralService({
    url: centralUrl,
    store,
    connection,
    events,
    logError,
    onOutboxSettled: (settled) => {
      live.applied(settled.records);
      void actions.announce().catch((e) => logError('outbox view', e));
    },
    onApplied: (batch) => live.applied(batch),
    onSnapshot: () => live.reloaded(),
    now,
  });
  const live = new LiveFeed(events);
  const actions = new OperatorActions({
    store,
    events,
    operator: () => central.session().operator,
    sendSoon: () => central.sendSoon(),
    now,
  });

  const info: AppInfo = {
    name: pkg.productName,
    version: pkg.version,
    mode: options.mode,
    runtime: {
      node: process.versions.node,
      electron: options.electronVersion ?? null,
      platform: process.platform,
    },
    dataDir: options.dataDir,
    startedAt: now().toISOString(),
    warnings: [...settings.warnings, ...(store.openError ? [store.openError] : [])],
  };

  /**
   * Records who saw a person's data or an alert (the audit trail of views). Panels refresh as
   * data changes; the same operator seeing the same subject again within VIEW_AUDIT_MS is one view.
   */
  const lastViews = new Map<string, number>();
  const viewed = async (subjectType: string, subjectId: string): Promise<void> => {
    const operatorId = central.session().operator?.id ?? null;
    const key = `${operatorId}|${subjectType}|${subjectId}`;
    const at = now();
    if (at.getTime() - (lastViews.get(key) ?? -Infinity) < VIEW_AUDIT_MS) return;
    lastViews.set(key, at.getTime());
    const action = `${subjectType}.view`;
    const entry = { at: at.toISOString(), operatorId, action, subjectType, subjectId, detail: {} };
    await store.run((s) => s.appendAudit(entry));
  };

  const alertHandlers = createAlertHandlers({
    store,
    events,
    actions,
    operator: () => central.session().operator,
    now,
    viewed,
    notify: options.notify,
  });
  const slaWatch = new SlaWatch({
    store,
    events,
    sla: () => settings.get().alertSla,
    now,
    operatorId: () => central.session().operator?.id ?? null,
    logError,
  });
  slaWatch.start(options.slaCheckMs);

  const handlers: Handlers = {
    'app.info': () => info,
    'settings.get': () => settings.get(),
    'settings.set': (patch) => {
      const next = settings.set(patch);
      events.emit('settings.changed', next);
      return next;
    },
    'connection.get': () => connection.get(),
    'session.get': () => central.session(),
    'session.login': ({ username, password }) => central.login(username, password),
    'session.logout': () => central.logout(),
    'store.status': () => store.status(),
    'store.purge': () => store.purgeNow(),
    'outbox.list': () => actions.view(),
    'outbox.markSeen': ({ id }) => actions.markSeen(id),
    'map.snapshot': () => store.run((s) => s.mapSnapshot()),
    'clients.detail': async ({ clientId }) => {
      const detail = await store.run((s) => s.clientDetail(clientId));
      if (!detail) throw new ConsoleApiError('invalid_input', `No client ${clientId}`, 'clientId');
      await viewed('client', clientId);
      return detail;
    },
    'clients.trail': async ({ clientId, hours }) => {
      // The hours up to the newest fix: a client gone silent still shows where they went.
      const last = await store.run((s) => s.lastFixFor(clientId));
      const to = Math.max(now().getTime(), last ? Date.parse(last.at) : 0);
      const track = await store.run((s) =>
        s.trackForClient(clientId, to - hours * 3_600_000, to + 1),
      );
      return { clientId, at: [...track.at], lat: [...track.lat], lon: [...track.lon] };
    },
    'basemap.range': ({ offset, length }) =>
      readBasemapRange(settings.get().pmtilesPath, offset, length),
    ...alertHandlers,
  };

  return {
    dispatch: createDispatcher(handlers, logError),
    events,
    info,
    imageOrigins: () => {
      const { tileUrl } = settings.get();
      return tileUrl ? [tileOrigin(tileUrl)] : [];
    },
    health: async () => {
      const { status, central, lastSeq, lastEventAt, since } = connection.get();
      const cache = await store.run((s) => s.counts()).catch(() => null);
      return {
        ok: true,
        version: info.version,
        mode: info.mode,
        connection: { status, central, lastSeq, lastEventAt, since },
        cache,
        cacheError: store.openError,
      };
    },
    close: async () => {
      slaWatch.stop();
      await central.close();
      await store.close();
      await simulator?.close();
    },
  };
}

function defaultLogError(message: string, error: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : '';
  process.stderr.write(`[sargs] ${message}${detail}\n`);
}
