import { createHash } from 'node:crypto';
import { ConsoleApiError } from '../../../shared/api/errors';
import { mayCall } from '../../../shared/api/permissions';
import type { SessionState } from '../../../shared/domain/session';
import type { Client, Operator } from '../../../shared/central/records';
import type { ConsoleDocument } from '../../../shared/domain/commissioning';
import type { Settings } from '../../../shared/domain/settings';
import type {
  HistoryProgress,
  PackedTimeline,
  TimelineWithIds,
} from '../../../shared/domain/timeline';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { CentralHttp } from '../central/central-http';
import { COVERED_FROM } from '../db/queries/timeline';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { CoreModule } from '../module';
import { complianceCsv, compliancePdf } from '../reports/compliance-pdf';
import { evidenceCsv, evidencePdf, exportFileName } from '../reports/evidence-pdf';
import { compliance } from './compliance';
import type { Clock } from '../runtime/clock';
import { fetchHistory, type FetchedHistory } from './history-fetch';
import type { ZoneHistoryRefresher } from '../zones/zone-history';
import { buildTimeline } from './timeline-build';
import { packTrack } from './pack-track';

type TimelineOps =
  | 'timeline.open'
  | 'timeline.history'
  | 'timeline.cancel'
  | 'timeline.evidencePdf'
  | 'timeline.evidenceCsv'
  | 'timeline.compliancePdf'
  | 'timeline.complianceCsv';

export interface TimelineModuleOptions {
  store: StoreService;
  audit: AuditTrail;
  events: EventBus;
  clock: Clock;
  settings: () => Settings;
  /** The session's connection to the service, or null while there is none. */
  http: () => CentralHttp | null;
  /** Older zone versions from the service, shared with the zones module. */
  zoneHistory: ZoneHistoryRefresher;
}

interface Window {
  clientId: string;
  from: string;
  to: string;
}

/** A CSV export as the page saves it, with the SHA-256 its audit entry records. */
const csvDocument = (fileName: string, csv: string): ConsoleDocument => ({
  fileName,
  mimeType: 'text/csv',
  base64: Buffer.from(csv, 'utf8').toString('base64'),
  sha256: createHash('sha256').update(csv, 'utf8').digest('hex'),
});

/** Fetched histories held at once (each a client's window; dropped at close). */
const HELD = 3;

/**
 * The supervisors' incident timeline: one client's window merged from the cache, with history
 * older than the cache fetched from the service on request (held in memory only, and only while the
 * same operator is signed in: the cache's retention is not extended by a review), and the evidence
 * exports. Every opening and export is
 * audited with the window; an export's audit entry carries the file's SHA-256.
 */
export function timelineModule(o: TimelineModuleOptions): CoreModule<TimelineOps> {
  const { store, audit, clock } = o;
  const held: FetchedHistory[] = [];
  const running = new Map<string, { cancelled: boolean }>();
  let stopWatching = (): void => undefined;

  const clientOf = async (clientId: string): Promise<Client> => {
    const client = await store.run((s) => s.recordById('clients', clientId));
    if (!client)
      throw new ConsoleApiError('not_found', `No client ${clientId}`, 'clientId', {
        what: 'client',
      });
    return client as Client;
  };

  /** The oldest moment the cache can answer for: its coverage, or retention's cut-off. */
  const cacheFrom = (coveredFrom: number | null): number | null => {
    if (coveredFrom === null) return null;
    return Math.max(coveredFrom, clock().getTime() - o.settings().retentionDays * 86_400_000);
  };

  /** The window merged; the fixes' ids only for an export (`withIds`). */
  const build = async (window: Window, withIds = true): Promise<TimelineWithIds> => {
    const client = await clientOf(window.clientId);
    const fromMs = Date.parse(window.from);
    const toMs = Date.parse(window.to);
    // The fixes are read (by the store's readers) while the service is asked for older zone
    // versions, which they do not need; the zones' ids first, or without readers they would wait
    // in the store's queue behind the 130,000 fixes.
    const zoneIds = await store.run((s) => s.zoneIdsOfClient(client.id));
    const reading = store.readTrack(client.id, fromMs, toMs, withIds);
    const zones = await o.zoneHistory(zoneIds);
    const rows = await store.run((s) => s.timelineRows(client.id, fromMs, toMs));
    const track = await reading;
    const fetched =
      held.find((h) => h.clientId === client.id && h.fromMs <= fromMs && h.toMs >= fromMs) ?? null;
    return buildTimeline({
      client,
      fromMs,
      toMs,
      nowMs: clock().getTime(),
      rows,
      track,
      fetched,
      cacheFromMs: cacheFrom(rows.coveredFrom),
      zoneHistory: zones,
    });
  };

  const exported = async (
    operator: Operator,
    window: Window,
    format: 'pdf' | 'csv',
    sha256: string,
    action = 'timeline.export',
  ) =>
    audit.record(
      operator,
      action,
      { type: 'client', id: window.clientId },
      { format, sha256, from: window.from, to: window.to },
    );

  return {
    name: 'timeline',
    handlers: {
      'timeline.open': async (window, context) => {
        const { track, ...rest } = await build(window, false);
        const timeline: PackedTimeline = { ...rest, track: packTrack(track) };
        await audit.record(
          operatorOf(context),
          'timeline.view',
          { type: 'client', id: window.clientId },
          { from: window.from, to: window.to },
        );
        return timeline;
      },
      'timeline.history': async ({ requestId, window }, context) => {
        const http = o.http();
        if (!http)
          throw new ConsoleApiError(
            'unavailable',
            'The central service is not reachable: its history cannot be fetched now',
          );
        // Registered before the first wait, so a cancel sent right after it finds it.
        const job = { cancelled: false };
        running.set(requestId, job);
        const fromMs = Date.parse(window.from);
        const tell = (p: Omit<HistoryProgress, 'requestId'>) =>
          o.events.emit('timeline.progress', { requestId, ...p });
        try {
          const covered = (await store.run((s) => s.readLocalState(COVERED_FROM))) as number | null;
          const toMs = Math.min(Date.parse(window.to), cacheFrom(covered) ?? Date.parse(window.to));
          const fetched = await fetchHistory(http, window.clientId, fromMs, toMs, (p) => {
            tell({ ...p, state: 'fetching', message: null });
            return !job.cancelled;
          });
          if (!fetched) {
            tell({ done: 0, positions: 0, alerts: 0, state: 'cancelled', message: null });
            return { fetched: false };
          }
          held.unshift(fetched);
          held.length = Math.min(held.length, HELD);
          await audit.record(
            operatorOf(context),
            'timeline.history',
            { type: 'client', id: window.clientId },
            {
              from: window.from,
              to: new Date(toMs).toISOString(),
              positions: fetched.positions.length,
            },
          );
          tell({
            done: 1,
            positions: fetched.positions.length,
            alerts: fetched.alerts.length,
            state: 'done',
            message: null,
          });
          return { fetched: true };
        } catch (error) {
          const message = (error as Error).message;
          tell({ done: 0, positions: 0, alerts: 0, state: 'failed', message });
          throw new ConsoleApiError('unavailable', `History not fetched: ${message}`);
        } finally {
          running.delete(requestId);
        }
      },
      'timeline.cancel': ({ requestId }) => {
        const job = running.get(requestId);
        if (job) job.cancelled = true;
        return { cancelled: job !== undefined };
      },
      'timeline.evidencePdf': async (window, context) => {
        const operator = operatorOf(context);
        const document = await evidencePdf({
          timeline: await build(window),
          exportedBy: { id: operator.id, name: operator.name },
          exportedAt: clock(),
          language: o.settings().language,
        });
        await exported(operator, window, 'pdf', document.sha256);
        return document;
      },
      'timeline.evidenceCsv': async (window, context) => {
        const timeline = await build(window);
        const csv = evidenceCsv(timeline, o.settings().language);
        const document = csvDocument(exportFileName('evidence', timeline, 'csv'), csv);
        await exported(operatorOf(context), window, 'csv', document.sha256);
        return document;
      },
      'timeline.compliancePdf': async (window, context) => {
        const operator = operatorOf(context);
        const timeline = await build(window);
        const document = await compliancePdf({
          timeline,
          figures: compliance(timeline, o.settings().alertSla),
          preparedBy: { id: operator.id, name: operator.name },
          preparedAt: clock(),
          language: o.settings().language,
        });
        await exported(operator, window, 'pdf', document.sha256, 'compliance.export');
        return document;
      },
      'timeline.complianceCsv': async (window, context) => {
        const timeline = await build(window);
        const csv = complianceCsv(timeline, compliance(timeline, o.settings().alertSla));
        const document = csvDocument(exportFileName('compliance', timeline, 'csv'), csv);
        await exported(operatorOf(context), window, 'csv', document.sha256, 'compliance.export');
        return document;
      },
    },
    // Fetched history is the signed-in supervisor's: a sign-out (or another operator) drops it.
    // The store's readers run while the operator may open timelines.
    start: () => {
      let operatorId: string | null = null;
      stopWatching = o.events.subscribe((event, payload) => {
        if (event !== 'session.changed') return;
        const { operator } = payload as SessionState;
        const now = operator?.id ?? null;
        if (now !== operatorId) {
          held.length = 0;
          for (const job of running.values()) job.cancelled = true;
          void store.useReaders(mayCall('timeline.open', { operator, locked: false }));
        }
        operatorId = now;
      });
    },
    close: () => {
      stopWatching();
      for (const job of running.values()) job.cancelled = true;
      held.length = 0;
    },
  };
}
