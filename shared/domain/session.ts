import { z } from 'zod';
import { operatorSchema } from '../central/records';

export const loginInputSchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const unlockInputSchema = z.object({ password: z.string().min(1).max(256) }).strict();

/** Who is signed in on this console, and with which central service. */
export const sessionStateSchema = z.object({
  operator: operatorSchema.nullable(),
  central: z.string().nullable(),
  /**
   * Locked after the idle time (or by the operator): the page shows nothing of clients and the
   * core refuses every call but the lock screen's until the same operator's password is given.
   */
  locked: z.boolean(),
  /** Why the console is signed out, when it was not the operator's choice. */
  reason: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;
