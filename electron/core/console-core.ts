import pkg from '../../package.json' with { type: 'json' };
import { mayReceive } from '../../shared/api/permissions';
import { operationNames } from '../../shared/api/registry';
import type { Unsubscribe } from '../../shared/api/console-api';
import type { AppInfo } from '../../shared/domain/app-info';
import { tileOrigins, urlOrigin } from '../../shared/domain/settings';
import { OperatorActions } from './actions/operator-actions';
import { outboxModule } from './actions/outbox-module';
import { alertsModule, type AlertsModuleOptions } from './alerts/alerts-module';
import { SlaWatch } from './alerts/sla-watch';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import type { Handlers } from './api/handlers';
import { appModule } from './app/app-module';
import { auditModule } from './audit/audit-module';
import { AuditTrail } from './audit/audit-trail';
import { authModule } from './auth/auth-module';
import { SessionGuard } from './auth/session-guard';
import { CentralService } from './central/central-service';
import { ConnectionTracker } from './central/connection-state';
import { clientsModule } from './clients/clients-module';
import { cacheFileFor, removeCache } from './db/cache-file';
import { storeModule } from './db/store-module';
import { StoreService } from './db/store-service';
import { EventBus, type EventListener } from './events/event-bus';
import { healthReport, type HealthReport } from './health';
import { LiveFeed } from './map/live-feed';
import { mapModule } from './map/map-module';
import type { AnyModule } from './module';
import {
  monotonic as systemMonotonic,
  systemClock,
  type Clock,
  type Monotonic,
} from './runtime/clock';
import { ensurePrivateDataDir } from './runtime/data-dir';
import { settingsModule } from './settings/settings-module';
import { openSettingsStore } from './settings/settings-store';
import { startSimulator } from './simulator/simulator';

/** The training world opens with a day already lived: clients placed, alerts worked, shifts handed over. */
const TRAINING_LIVED_HOURS = 24;
import { LocalAlerts } from './alerts/local-alerts';
import { Mute } from './alerts/mute';
import { serviceFeatures } from './central/capabilities';
import { timelineModule } from './timeline/timeline-module';
import { victimsModule } from './victims/victims-module';
import { zoneHistoryRefresher } from './zones/zone-history';
import { ApproachWatch } from './map/approach-watch';
import { zonesModule } from './zones/zones-module';
import { Receiver } from './stations/receiver';
import { shiftsModule } from './shifts/shifts-module';
import { stationsModule } from './stations/stations-module';
import { StationsService } from './stations/stations-service';

export type { HealthReport } from './health';

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
  now?: Clock;
  /** Idle time is measured on this (tests drive it); default performance.now. */
  monotonic?: Monotonic;
  /** How often open alerts are checked against their SLA targets (tests shorten it). */
  slaCheckMs?: number;
  /** How long the commissioning range test listens for the paired tags (tests shorten it). */
  rangeListenMs?: number;
  /** How often audit anchors are considered (tests shorten it). */
  auditTickMs?: number;
  /** Desktop notifications where the shell has them (Electron's Notification). */
  notify?: AlertsModuleOptions['notify'];
  logError?: (message: string, error: unknown) => void;
}

export interface ConsoleCore {
  readonly dispatch: Dispatch;
  /** `full`: with the bridge's token (counts, audit); otherwise only that the console is up. */
  health(full: boolean): Promise<HealthReport>;
  /** Core events, each passed only to a window whose session may receive it. */
  readonly events: { subscribe(listener: EventListener): Unsubscribe };
  readonly info: AppInfo;
  /** Origins the page may load images from: the tile server set in Settings, if any. */
  imageOrigins(): string[];
  close(): Promise<void>;
}

/**
 * Assembles the console's brain from its feature modules, in the order they depend on each other;
 * it holds no handler of its own. It never imports Electron: the desktop shell and the headless
 * bridge both wrap the same core, and tests drive it under plain Node.
 */
export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const clock = options.now ?? systemClock;
  const monotonic = options.monotonic ?? systemMonotonic;
  const logError = options.logError ?? defaultLogError;
  ensurePrivateDataDir(options.dataDir);

  const events = new EventBus();
  const settings = openSettingsStore(options.dataDir, clock);
  for (const warning of settings.warnings) logError(warning, null);
  const centralSetting =
    options.central === undefined ? (settings.get().centralUrl ?? 'embedded') : options.central;
  const simulator =
    centralSetting === 'embedded'
      ? await startSimulator({ livedHours: TRAINING_LIVED_HOURS })
      : null;
  const centralUrl = simulator?.url ?? (centralSetting === 'embedded' ? null : centralSetting);
  const cacheFile = cacheFileFor(options.dataDir, centralSetting);
  if (centralSetting === 'embedded') removeCache(cacheFile);
  const store = await StoreService.open({
    file: cacheFile,
    workerUrl: options.storeWorkerUrl,
    now: clock,
    retentionDays: () => settings.get().retentionDays,
    logError,
  });
  // The cache and its WAL files were just created under the process umask: make them private too.
  ensurePrivateDataDir(options.dataDir);
  const connection = new ConnectionTracker(events, clock, centralUrl);
  const audit = new AuditTrail(store, clock);
  const live = new LiveFeed(events);
  const central = new CentralService({
    url: centralUrl,
    store,
    connection,
    events,
    logError,
    onApplied: (batch) => live.batchApplied(batch),
    onSnapshot: () => live.reloaded(),
    now: clock,
  });
  const actions = new OperatorActions({
    store,
    events,
    sendSoon: () => central.sendSoon(),
    now: clock,
  });
  const local = new LocalAlerts(store, live, audit, clock);
  const mute = new Mute(events, audit, clock);
  const consoleAlertsShared = async (): Promise<boolean> => {
    const http = central.http();
    if (!http) return false;
    const answer = await serviceFeatures(http).catch(() => null);
    return answer?.features.has('console_alerts') ?? false;
  };
  const receiver = new Receiver({
    store,
    actions,
    local,
    audit,
    clock,
    shared: consoleAlertsShared,
    operator: () => central.session().operator,
    logError,
  });
  const stations = new StationsService({
    events,
    clock,
    virtual: simulator !== null,
    alertsReach: async () => ((await consoleAlertsShared()) ? 'shared' : 'local'),
    onReceiverSentence: (sentence, serial) => void receiver.heard(sentence, serial),
  });
  central.onOutboxSettled((settled) => {
    receiver.settled(settled);
    live.applied(settled.records);
    void actions.announce().catch((e: unknown) => logError('outbox view', e));
  });
  const guard = new SessionGuard({
    central,
    events,
    audit,
    idleMs: () => settings.get().idleLockMinutes * 60_000,
    monotonic,
    logError,
  });
  const slaWatch = new SlaWatch({
    store,
    events,
    sla: () => settings.get().alertSla,
    now: clock,
    logError,
  });
  const auditing = await auditModule({
    store,
    central,
    events,
    audit,
    clock,
    monotonic,
    logError,
    tickMs: options.auditTickMs,
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
    startedAt: clock().toISOString(),
    warnings: [...settings.warnings, ...(store.openError ? [store.openError] : [])],
  };

  const zoneHistory = zoneHistoryRefresher({ store, clock, http: () => central.http() });
  const modules: AnyModule[] = [
    appModule(info, connection),
    authModule(guard),
    settingsModule(settings, events, audit),
    outboxModule(actions, audit),
    mapModule(store, settings, audit, clock, new ApproachWatch(store, events, clock, logError)),
    clientsModule(store, audit, clock),
    alertsModule({
      store,
      events,
      actions,
      audit,
      clock,
      local,
      mute,
      notify: options.notify,
      http: () => central.http(),
    }),
    shiftsModule({ store, actions, audit, mute, clock, settings: () => settings.get() }),
    stationsModule({
      stations,
      store,
      audit,
      clock,
      settings: () => settings.get(),
      rangeListenMs: options.rangeListenMs,
      receiver: { start: () => receiver.start(), close: () => receiver.idle() },
    }),
    timelineModule({
      store,
      audit,
      events,
      clock,
      settings: () => settings.get(),
      http: () => central.http(),
      zoneHistory,
    }),
    zonesModule({ store, actions, audit, zoneHistory }),
    victimsModule({ store, audit, clock, http: () => central.http() }),
    auditing.module,
    {
      name: 'sla',
      handlers: {},
      start: () => slaWatch.start(options.slaCheckMs),
      close: () => slaWatch.stop(),
    },
    { name: 'central', handlers: {}, close: () => central.close() },
    storeModule(store, audit),
    { name: 'simulator', handlers: {}, close: () => simulator?.close() },
  ];
  const handlers = assembleHandlers(modules);
  for (const module of modules) module.start?.();

  return {
    dispatch: createDispatcher({ handlers, caller: () => guard.caller(), logError }),
    events: {
      subscribe: (listener) =>
        events.subscribe((event, payload) => {
          if (mayReceive(event, guard.caller())) listener(event, payload);
        }),
    },
    info,
    imageOrigins: () => {
      const { tileUrl, tileSubdomains, wmsUrl } = settings.get();
      return [
        ...(tileUrl ? tileOrigins(tileUrl, tileSubdomains) : []),
        ...(wmsUrl ? [urlOrigin(wmsUrl)] : []),
      ];
    },
    health: (full) => healthReport(full, { info, connection, store, audit: auditing.monitor }),
    // In the order they were started, so nothing is closed under a module still using it.
    close: async () => {
      for (const module of modules) await module.close?.();
    },
  };
}

/** One handler per operation, from exactly one module; a gap or a clash stops the start. */
export function assembleHandlers(modules: readonly AnyModule[]): Handlers {
  const handlers: Record<string, unknown> = {};
  for (const module of modules) {
    for (const [name, handler] of Object.entries(module.handlers)) {
      if (name in handlers) throw new Error(`Operation ${name} is answered by two modules`);
      handlers[name] = handler;
    }
  }
  const missing = operationNames.filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`No module answers ${missing.join(', ')}`);
  return handlers as Handlers;
}

function defaultLogError(message: string, error: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : '';
  process.stderr.write(`[sargs] ${message}${detail}\n`);
}
