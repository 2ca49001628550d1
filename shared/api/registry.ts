import { z } from 'zod';
import { appInfoSchema } from '../domain/app-info';
import { connectionStateSchema } from '../domain/connection';
import {
  centreSettingsPatchSchema,
  displaySettingsSchema,
  settingsPatchSchema,
  settingsSchema,
} from '../domain/settings';
import { loginInputSchema, sessionStateSchema, unlockInputSchema } from '../domain/session';
import {
  auditExportInputSchema,
  auditExportSchema,
  auditListInputSchema,
  auditPageSchema,
  auditStatusSchema,
} from '../domain/audit';
import { storeStatusSchema } from '../domain/store-status';
import {
  alertDetailSchema,
  alertInputSchema,
  alertQueueChangesInputSchema,
  alertQueueChangesSchema,
  alertQueueSchema,
} from '../domain/alerts';
import { basemapRangeInputSchema, basemapRangeSchema } from '../domain/basemap';
import {
  attentionStateSchema,
  attentionSummarySchema,
  liftSuppressionInputSchema,
  muteInputSchema,
  notifyInputSchema,
  notifyResultSchema,
  slaBreachesSchema,
  suppressInputSchema,
  suppressionListSchema,
  suppressResultSchema,
  suppressionSchema,
} from '../domain/attention';
import {
  alertsChangedSchema,
  clientViewSchema,
  clientInputSchema,
  mapFixesSchema,
  mapSnapshotSchema,
  approachFlagsSchema,
  trailInputSchema,
  trailSchema,
  zonesChangedSchema,
} from '../domain/map';
import {
  alertActInputSchema,
  markSeenInputSchema,
  outboxViewSchema,
  queuedSchema,
} from '../domain/outbox';
import {
  connectInputSchema,
  portListSchema,
  rawAnswerSchema,
  rawCommandInputSchema,
  rfTestInputSchema,
  stationsStateSchema,
  logLineSchema,
} from '../domain/stations';
import { clientFileSchema, registerSchema } from '../domain/clients';
import { protectionInputSchema, protectionSchema, shownVictimsSchema } from '../domain/victims';
import {
  zoneDeleteInputSchema,
  zoneDraftSchema,
  zoneHistorySchema,
  zoneIdInputSchema,
  zoneQueuedSchema,
} from '../domain/zones';
import {
  cancelInputSchema,
  historyInputSchema,
  historyProgressSchema,
  timelineInputSchema,
  timelineSchema,
} from '../domain/timeline';
import {
  acceptInputSchema,
  handoverDraftSchema,
  handoverInputSchema,
  journalAddInputSchema,
  journalSearchInputSchema,
  shiftIdInputSchema,
  shiftListInputSchema,
  shiftReportSchema,
  shiftViewSchema,
  startShiftInputSchema,
} from '../domain/shifts';
import { journalEntrySchema, shiftSchema } from '../central/records';
import {
  commissioningReportSchema,
  commissioningStepInputSchema,
  deviceRowSchema,
  documentSchema,
  reportIdInputSchema,
  reportListInputSchema,
  reportSummarySchema,
  startCommissioningInputSchema,
} from '../domain/commissioning';

/**
 * The one registry of ConsoleApi operations. Every transport (Electron IPC, the headless HTTP
 * bridge) and every handler is typed from this object, and every input is parsed with its schema
 * before the core sees it. Later features add their operations here and nowhere else.
 *
 * Names are `<area>.<verb>`; the area becomes a namespace on the renderer's api object
 * (`api.settings.set(...)`). Who may call each is in permissions.ts, one row per operation.
 */
const noInput = z.object({}).strict();

export const operations = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.display': { input: noInput, output: displaySettingsSchema },
  'settings.set': { input: settingsPatchSchema, output: settingsSchema },
  'settings.setCentre': { input: centreSettingsPatchSchema, output: settingsSchema },
  'connection.get': { input: noInput, output: connectionStateSchema },
  'session.get': { input: noInput, output: sessionStateSchema },
  'session.login': { input: loginInputSchema, output: sessionStateSchema },
  'session.logout': { input: noInput, output: sessionStateSchema },
  'session.lock': { input: noInput, output: sessionStateSchema },
  'session.unlock': { input: unlockInputSchema, output: sessionStateSchema },
  /** The operator touched the page: the idle lock's clock starts again. */
  'session.activity': { input: noInput, output: z.object({}) },
  'store.status': { input: noInput, output: storeStatusSchema },
  'store.purge': { input: noInput, output: storeStatusSchema },
  'outbox.list': { input: noInput, output: outboxViewSchema },
  'outbox.markSeen': { input: markSeenInputSchema, output: outboxViewSchema },
  'alerts.act': { input: alertActInputSchema, output: queuedSchema },
  'map.snapshot': { input: noInput, output: mapSnapshotSchema },
  'map.approaches': { input: noInput, output: approachFlagsSchema },
  'clients.detail': { input: clientInputSchema, output: clientViewSchema },
  'clients.trail': { input: trailInputSchema, output: trailSchema },
  'victims.protection': { input: protectionInputSchema, output: protectionSchema },
  'victims.shown': { input: noInput, output: shownVictimsSchema },
  'zones.save': { input: zoneDraftSchema, output: zoneQueuedSchema },
  'zones.delete': { input: zoneDeleteInputSchema, output: zoneQueuedSchema },
  'zones.history': { input: zoneIdInputSchema, output: zoneHistorySchema },
  'alerts.queue': { input: noInput, output: alertQueueSchema },
  /** The queue after some alerts changed: its order and only those alerts' lines. */
  'alerts.queueChanges': { input: alertQueueChangesInputSchema, output: alertQueueChangesSchema },
  'alerts.detail': { input: alertInputSchema, output: alertDetailSchema },
  'basemap.range': { input: basemapRangeInputSchema, output: basemapRangeSchema },
  'alerts.suppress': { input: suppressInputSchema, output: suppressResultSchema },
  'alerts.liftSuppression': { input: liftSuppressionInputSchema, output: suppressionSchema },
  'alerts.suppressions': { input: noInput, output: suppressionListSchema },
  'attention.get': { input: noInput, output: attentionStateSchema },
  'attention.summary': { input: noInput, output: attentionSummarySchema },
  'attention.mute': { input: muteInputSchema, output: attentionStateSchema },
  'attention.unmute': { input: noInput, output: attentionStateSchema },
  'attention.notify': { input: notifyInputSchema, output: notifyResultSchema },
  'audit.status': { input: noInput, output: auditStatusSchema },
  'audit.list': { input: auditListInputSchema, output: auditPageSchema },
  'audit.export': { input: auditExportInputSchema, output: auditExportSchema },
  'stations.ports': { input: noInput, output: portListSchema },
  'stations.state': { input: noInput, output: stationsStateSchema },
  'stations.connect': { input: connectInputSchema, output: stationsStateSchema },
  'stations.disconnect': { input: noInput, output: stationsStateSchema },
  'stations.log': { input: noInput, output: z.array(logLineSchema) },
  'stations.send': { input: rawCommandInputSchema, output: rawAnswerSchema },
  'stations.rfTest': { input: rfTestInputSchema, output: stationsStateSchema },
  'commissioning.start': {
    input: startCommissioningInputSchema,
    output: commissioningReportSchema,
  },
  'commissioning.step': { input: commissioningStepInputSchema, output: commissioningReportSchema },
  'commissioning.sign': { input: reportIdInputSchema, output: commissioningReportSchema },
  'commissioning.get': { input: reportIdInputSchema, output: commissioningReportSchema },
  'commissioning.list': { input: reportListInputSchema, output: z.array(reportSummarySchema) },
  'commissioning.pdf': { input: reportIdInputSchema, output: documentSchema },
  'devices.list': { input: noInput, output: z.array(deviceRowSchema) },
  'shifts.current': { input: noInput, output: shiftViewSchema },
  'shifts.start': { input: startShiftInputSchema, output: shiftViewSchema },
  'shifts.list': { input: shiftListInputSchema, output: z.array(shiftSchema) },
  'shifts.journal': { input: shiftIdInputSchema, output: z.array(journalEntrySchema) },
  'shifts.draft': { input: shiftIdInputSchema, output: handoverDraftSchema },
  'shifts.handover': { input: handoverInputSchema, output: shiftViewSchema },
  'shifts.accept': { input: acceptInputSchema, output: shiftViewSchema },
  'shifts.report': { input: shiftIdInputSchema, output: shiftReportSchema },
  'shifts.reportPdf': { input: shiftIdInputSchema, output: documentSchema },
  'shifts.reportCsv': { input: shiftIdInputSchema, output: auditExportSchema },
  'journal.add': { input: journalAddInputSchema, output: shiftViewSchema },
  'journal.search': { input: journalSearchInputSchema, output: z.array(journalEntrySchema) },
  'clients.register': { input: noInput, output: registerSchema },
  'clients.file': { input: clientInputSchema, output: clientFileSchema },
  'timeline.open': { input: timelineInputSchema, output: timelineSchema },
  'timeline.history': {
    input: historyInputSchema,
    output: z.object({ fetched: z.boolean() }),
  },
  'timeline.cancel': { input: cancelInputSchema, output: z.object({ cancelled: z.boolean() }) },
  'timeline.evidencePdf': { input: timelineInputSchema, output: documentSchema },
  'timeline.evidenceCsv': { input: timelineInputSchema, output: documentSchema },
  'timeline.compliancePdf': { input: timelineInputSchema, output: documentSchema },
  'timeline.complianceCsv': { input: timelineInputSchema, output: documentSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events the core pushes to every window. The payload is all a listener ever receives. */
export const events = {
  'connection.state': connectionStateSchema,
  'settings.changed': settingsSchema,
  'session.changed': sessionStateSchema,
  'outbox.changed': outboxViewSchema,
  'map.fixes': mapFixesSchema,
  'approaches.changed': approachFlagsSchema,
  'map.reload': z.object({}),
  'alerts.changed': alertsChangedSchema,
  'zones.changed': zonesChangedSchema,
  /** Targets newly missed (each announced once). */
  'alerts.breached': slaBreachesSchema,
  /** The suppressions in force, after one was added or lifted. */
  'alerts.suppressed': suppressionListSchema,
  /** A suppression arrived from the service (1.1): the core announces the list anew. */
  'suppressions.changed': z.object({}),
  'attention.changed': attentionStateSchema,
  /** The audit log's health changed (a check ran, an anchor was sent). */
  'audit.changed': auditStatusSchema,
  /** The attached station's link, identity, status or tags changed (at most a few a second). */
  'stations.changed': stationsStateSchema,
  /** A shift or journal entry arrived from the service (the page asks again). */
  'shifts.changed': z.object({}),
  /** A protection order or a victim unit's fix arrived (1.1 `victim_units`). */
  'victims.changed': z.object({}),
  /** A timeline's history fetch went on (a page, the end, a cancel or a failure). */
  'timeline.progress': historyProgressSchema,
} as const satisfies Record<string, z.ZodType>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const operationNames = Object.keys(operations) as OperationName[];
export const eventNames = Object.keys(events) as EventName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
