import { z } from 'zod';
import { idSchema, timestampSchema } from './primitives';

/** central-api.md 1.1 `audit_anchors`: the head of a console's hash-chained audit log. */
export const anchorBody = z.object({
  consoleId: idSchema,
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  at: timestampSchema,
  idempotencyKey: z.uuid(),
});

export const anchorSchema = z.object({
  consoleId: idSchema,
  seq: z.number().int().min(1),
  hash: z.string(),
  at: timestampSchema,
  receivedAt: timestampSchema,
});
export type Anchor = z.infer<typeof anchorSchema>;

export const anchorPageSchema = z.object({
  items: z.array(anchorSchema),
  nextCursor: z.string().nullable(),
});

export const capabilitiesSchema = z.object({
  version: z.string().max(16),
  features: z.array(z.string().max(64)).max(64),
});
