import { z } from 'zod';
import { idSchema } from '../central/primitives';
import { alertSchema, clientSchema, journalEntrySchema } from '../central/records';
import { equipmentAlertTypes } from './alert-types';
import { reportSummarySchema } from './commissioning';
import { clientViewSchema } from './map';

/** One row of the register: who, under what supervision, and the facts their state comes from. */
export const registerRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  caseNumber: z.string(),
  /** null in a technician's reduced register, as are the case number, flags and phone. */
  supervisionType: clientSchema.shape.supervisionType.nullable(),
  riskLevel: clientSchema.shape.riskLevel.nullable(),
  flags: z.array(z.string()),
  territorialUnit: z.string(),
  phone: z.string().nullable(),
  /** The home (installation) address. */
  address: z.string().nullable(),
  status: clientSchema.shape.status,
  deviceSerials: z.array(z.string()),
  /** Types of the client's open alerts. */
  openTypes: z.array(z.string()),
  /** A device the service marks faulty. */
  deviceFault: z.boolean(),
  lastFixAt: z.string().nullable(),
  /** The newest contact from any of their devices. */
  lastContactAt: z.string().nullable(),
  /** The lowest battery among their devices. */
  batteryPct: z.number().nullable(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

/** The register; `reduced` for a technician (who sees names, installation addresses and devices). */
export const registerSchema = z.object({ rows: z.array(registerRowSchema), reduced: z.boolean() });

export const clientFileSchema = z.object({
  detail: clientViewSchema,
  /** The last 30 days' alerts, resolved ones with their outcome. */
  recentAlerts: z.array(alertSchema),
  /** Journal entries that name the client, newest first. */
  journal: z.array(journalEntrySchema),
  reports: z.array(reportSummarySchema),
});
export type ClientFile = z.infer<typeof clientFileSchema>;

export const clientStates = ['breach', 'device_problem', 'no_fix', 'ok'] as const;
export type ClientState = (typeof clientStates)[number];

/** Alert types that mean the client is where they must not be (or not where they must be). */
const BREACH = new Set([
  'exclusion_entry',
  'inclusion_exit',
  'curfew_violation',
  'buffer_entry',
  'victim_proximity',
]);

/** No fix for this long is a state of its own in the register. */
export const NO_FIX_MINUTES = 30;

/** The client's state now, worst first: in breach, a device problem, no fix for a while, or in order. */
export function clientState(
  row: Pick<RegisterRow, 'openTypes' | 'deviceFault' | 'lastFixAt'>,
  nowMs: number,
): ClientState {
  if (row.openTypes.some((type) => BREACH.has(type))) return 'breach';
  if (row.deviceFault || row.openTypes.some((type) => equipmentAlertTypes.has(type as never)))
    return 'device_problem';
  if (!row.lastFixAt || nowMs - Date.parse(row.lastFixAt) > NO_FIX_MINUTES * 60_000)
    return 'no_fix';
  return 'ok';
}
