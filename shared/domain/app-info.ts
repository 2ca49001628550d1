import { z } from 'zod';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop shell, 'headless' when served over loopback HTTP. */
  mode: z.enum(['electron', 'headless']),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
  dataDir: z.string(),
  startedAt: z.string(),
  /** Problems met at start-up that the operator must see (e.g. a settings file moved aside). */
  warnings: z.array(z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
