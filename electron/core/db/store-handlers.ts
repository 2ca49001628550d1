import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { applyPacked, applyRecords, type CacheRecord } from './apply-events';
import type { PackedBatch } from './packed-batch';
import {
  actionsForAlert,
  alertQueue,
  alertQueueChanges,
  alertQueueItem,
  alertsForClient,
  openAlertsByPriority,
} from './queries/alerts';
import {
  appendAudit,
  auditHead,
  auditPage,
  auditRows,
  verifyAuditChain,
  type AuditAnchor,
  type AuditInput,
} from './queries/audit';
import type { AuditFilter } from '../../../shared/domain/audit';
import {
  activeSuppressions,
  addSuppression,
  liftSuppression,
  suppressionById,
  recordBreaches,
} from './queries/attention';
import type { SlaBreach, SuppressInput } from '../../../shared/domain/attention';
import { cacheCounts } from './queries/counts';
import { readCursor } from './queries/cursor';
import { journalForShift } from './queries/journal';
import {
  dueOutbox,
  listOutbox,
  markRefusalSeen,
  outboxNeedingAttention,
  queueAction,
  retryOutboxLater,
  settleOutbox,
  type OutboxItem,
  type QueuedAction,
} from './queries/outbox';
import { lastFixesOf } from './queries/last-fixes';
import { readLocalState, writeLocalState } from './queries/local-state';
import {
  lastFixFor,
  lastPositions,
  positionsForClient,
  purgePositionsStep,
  trackForClient,
} from './queries/positions';
import { clientDetail, mapSnapshot } from './queries/map';
import { packedRange, packTrackDaysStep } from './queries/track-pack';
import { exclusionZones, zonesForClient } from './queries/zones';
import { recordById, type VersionedTable } from './queries/records';
import {
  deviceBySerialOrId,
  deviceRows,
  listReports,
  openDraft,
  readingOf,
  recordReading,
  reportById,
  saveReport,
} from './queries/stations';
import type { CommissioningReport } from '../../../shared/domain/commissioning';
import type { StationReading } from '../alerts/rules/station-reading';
import {
  actionsOfAlerts,
  alertsOfWindow,
  clientNames,
  clientsChangedBetween,
  openShift,
  operators,
  scanJournal,
  searchJournal,
  shiftsBetween,
} from './queries/shifts';
import type { JournalSearch } from '../../../shared/domain/shifts';
import { clientRegister, journalForClient } from './queries/register';
import { putZoneVersions, timelineRows, zoneIdsOfClient } from './queries/timeline';
import { zoneAuthors, zoneVersionsOf } from './queries/zone-changes';
import { readTrack } from './queries/track-read';
import { snapshotStaging } from './snapshot-staging';
import { lastVictimPosition, openProximityAlerts, ordersOfClient } from './queries/victims';
import type { ZoneVersion } from '../../../shared/central/records';

/**
 * Everything the core may ask of the store. These run inside the database worker, each one
 * synchronous, so no transaction ever spans an await.
 */
export function createStoreHandlers(db: Database, file: string) {
  // Recover last fixes from a crash now, at open, not on the first batch. A reader leaves that to
  // the writer: it cannot write, and it does not read last fixes (the newest are in the writer).
  if (!db.readonly) lastFixesOf(db);
  return {
    applyPacked: (batch: PackedBatch, after: number | null = null) => applyPacked(db, batch, after),
    ...snapshotStaging(db),
    applyRecords: (records: readonly CacheRecord[]) =>
      db.transaction(() => applyRecords(db, records)).immediate(),
    cursor: () => readCursor(db),
    openAlerts: () => openAlertsByPriority(db),
    alertQueue: () => alertQueue(db),
    alertQueueChanges: (alertIds: string[]) => alertQueueChanges(db, alertIds),
    alertQueueItem: (alertId: string) => alertQueueItem(db, alertId),
    alertsForClient: (clientId: string, from: string, to: string) =>
      alertsForClient(db, clientId, from, to),
    actionsForAlert: (alertId: string) => actionsForAlert(db, alertId),
    positionsForClient: (clientId: string, fromMs: number, toMs: number) =>
      positionsForClient(db, clientId, fromMs, toMs),
    trackForClient: (clientId: string, fromMs: number, toMs: number) =>
      trackForClient(db, clientId, fromMs, toMs),
    lastPositions: () => lastPositions(db),
    mapSnapshot: () => mapSnapshot(db),
    lastFixFor: (clientId: string) => lastFixFor(db, clientId),
    clientDetail: (clientId: string, nowMs?: number) => clientDetail(db, clientId, nowMs ?? null),
    zonesForClient: (clientId: string) => zonesForClient(db, clientId),
    exclusionZones: () => exclusionZones(db),
    journalForShift: (shiftId: string) => journalForShift(db, shiftId),
    counts: () => cacheCounts(db),
    purgeStep: (beforeMs: number) => purgePositionsStep(db, beforeMs),
    packTrackDays: (budgetMs: number) => packTrackDaysStep(db, budgetMs),
    packedRange: () => packedRange(db),
    readLocalState: (key: string) => readLocalState<unknown>(db, key),
    writeLocalState: (key: string, value: unknown) => writeLocalState(db, key, value),
    appendAudit: (entry: AuditInput) => appendAudit(db, entry),
    recordBreaches: (breaches: SlaBreach[], operatorId: string | null) =>
      db.transaction(() => recordBreaches(db, breaches, operatorId)).immediate(),
    addSuppression: (input: SuppressInput, from: string, until: string, by: string | null) =>
      db.transaction(() => addSuppression(db, input, from, until, by)).immediate(),
    liftSuppression: (id: number, at: string, by: string | null) =>
      db.transaction(() => liftSuppression(db, id, at, by)).immediate(),
    activeSuppressions: (at: string) => activeSuppressions(db, at),
    suppressionById: (id: number) => suppressionById(db, id),
    verifyAudit: (anchors: readonly AuditAnchor[] = []) => verifyAuditChain(db, anchors),
    auditHead: () => auditHead(db),
    auditPage: (filter: AuditFilter, beforeSeq: number | undefined, limit: number) =>
      auditPage(db, filter, beforeSeq, limit),
    auditRows: (filter: AuditFilter) => auditRows(db, filter),
    fileSize: () => statSync(file).size,
    queueAction: (action: QueuedAction) => queueAction(db, action),
    outboxNeedingAttention: (limit: number) => outboxNeedingAttention(db, limit),
    markRefusalSeen: (id: number, at: string) => markRefusalSeen(db, id, at),
    dueOutbox: (now: string, limit: number) => dueOutbox(db, now, limit),
    listOutbox: (states: OutboxItem['state'][], limit: number) => listOutbox(db, states, limit),
    settleOutbox: (
      id: number,
      state: 'delivered' | 'rejected',
      answer: unknown,
      at: string,
      records: readonly CacheRecord[],
    ) => settleOutbox(db, id, state, answer, at, records),
    recordById: <T extends VersionedTable>(table: T, id: string) => recordById(db, table, id),
    retryOutboxLater: (id: number, error: string, nextAttemptAt: string) =>
      retryOutboxLater(db, id, error, nextAttemptAt),
    saveReport: (report: CommissioningReport) => saveReport(db, report),
    reportById: (id: string) => reportById(db, id),
    openDraft: (stationSerial: string, clientId: string) => openDraft(db, stationSerial, clientId),
    listReports: (filter: { stationSerial?: string; clientId?: string }) => listReports(db, filter),
    deviceRows: () => deviceRows(db),
    deviceBySerialOrId: (key: string) => deviceBySerialOrId(db, key),
    recordReading: (deviceId: string, at: string, reading: StationReading) =>
      recordReading(db, deviceId, at, reading),
    readingOf: (deviceId: string) => readingOf(db, deviceId),
    openShift: () => openShift(db),
    shiftsBetween: (from: string, to: string) => shiftsBetween(db, from, to),
    operators: () => operators(db),
    searchJournal: (filter: JournalSearch) => searchJournal(db, filter),
    scanJournal: (filter: JournalSearch) => scanJournal(db, filter),
    alertsOfWindow: (from: string, to: string, lookBackFrom: string) =>
      alertsOfWindow(db, from, to, lookBackFrom),
    actionsOfAlerts: (alertIds: readonly string[]) => actionsOfAlerts(db, alertIds),
    clientsChangedBetween: (from: string, to: string) => clientsChangedBetween(db, from, to),
    clientNames: (ids: readonly string[]) => clientNames(db, ids),
    clientRegister: () => clientRegister(db),
    journalForClient: (clientId: string) => journalForClient(db, clientId),
    timelineRows: (clientId: string, fromMs: number, toMs: number) =>
      timelineRows(db, clientId, fromMs, toMs),
    timelineTrack: (clientId: string, fromMs: number, toMs: number, withIds: boolean) =>
      readTrack(db, clientId, fromMs, toMs, withIds),
    putZoneVersions: (versions: readonly ZoneVersion[]) => putZoneVersions(db, versions),
    zoneIdsOfClient: (clientId: string) => zoneIdsOfClient(db, clientId),
    zoneVersionsOf: (zoneId: string) => zoneVersionsOf(db, zoneId),
    zoneAuthors: (zoneId: string) => zoneAuthors(db, zoneId),
    ordersOfClient: (clientId: string) => ordersOfClient(db, clientId),
    lastVictimPosition: (orderId: string) => lastVictimPosition(db, orderId),
    openProximityAlerts: () => openProximityAlerts(db),
  };
}

export type StoreHandlers = ReturnType<typeof createStoreHandlers>;
export type StoreMethod = keyof StoreHandlers;
