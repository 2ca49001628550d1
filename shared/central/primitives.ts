import { z } from 'zod';

/** Ids are opaque: 1 to 64 characters of [A-Za-z0-9_-] (central-api.md, Conventions). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of [A-Za-z0-9_-]');

/** ISO-8601 UTC with milliseconds, e.g. 2026-11-21T19:56:25.709Z. */
export const timestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be ISO-8601 UTC with milliseconds')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date');

export const versionSchema = z.number().int().min(1);
export const latSchema = z.number().min(-90).max(90);
export const lonSchema = z.number().min(-180).max(180);
export const seqSchema = z.number().int().positive();
