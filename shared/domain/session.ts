import { z } from 'zod';
import { operatorSchema } from '../central/records';

export const loginInputSchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

/** Who is signed in on this console, and with which central service. */
export const sessionStateSchema = z.object({
  operator: operatorSchema.nullable(),
  central: z.string().nullable(),
  /** Why the console is signed out, when it was not the operator's choice. */
  reason: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;
