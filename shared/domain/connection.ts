import { z } from 'zod';

/**
 * How the console stands with the central service. Shown in the shell at all times: a referent
 * must always know whether what they see is live, catching up, or the cache of an offline console.
 */
export const connectionStatusSchema = z.enum([
  'not_configured',
  'connecting',
  'catching_up',
  'connected',
  'offline',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionStateSchema = z.object({
  status: connectionStatusSchema,
  /** Base URL of the central service, or null when none is configured. */
  central: z.string().nullable(),
  /** When the status last changed (ISO-8601 UTC). */
  since: z.string(),
  /** Last stream seq applied to the cache. */
  lastSeq: z.number().int().nonnegative().nullable(),
  /** When the last stream message arrived. */
  lastEventAt: z.string().nullable(),
  /** While catching up: how old the newest event received was (ms); null when live. */
  behindMs: z.number().int().nonnegative().nullable(),
  /** Human-readable detail of the last failure, if any. */
  detail: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;
