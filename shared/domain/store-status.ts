import { z } from 'zod';

export const purgeReportSchema = z.object({
  at: z.string(),
  before: z.string(),
  deleted: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});

/** The local cache as Settings shows it. */
export const storeStatusSchema = z.object({
  available: z.boolean(),
  /** Why the cache cannot be used (read-only directory, disk full, a newer console's file…). */
  error: z.string().nullable(),
  file: z.string(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  cursor: z.number().int().nonnegative().nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()).nullable(),
  retentionDays: z.number().int().positive(),
  lastPurge: purgeReportSchema.nullable(),
  /** The UTC days packed for the timelines for every client (YYYY-MM-DD), null before the first. */
  packedDays: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;
