import { z } from 'zod';

/** Ids are opaque: 1 to 64 characters of [A-Za-z0-9_-] (central-api.md, Conventions). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'must be 1-64 of [A-Za-z0-9_-]');

/**
 * ISO-8601 UTC with milliseconds, e.g. 2026-11-21T19:56:25.709Z. zod's ISO check is one regex
 * that also knows month lengths and leap days: a stream brings three of these per position.
 */
export const timestampSchema = z.iso.datetime({
  precision: 3,
  message: 'must be an ISO-8601 UTC date with milliseconds',
});

export const versionSchema = z.number().int().min(1);
export const latSchema = z.number().min(-90).max(90);
export const lonSchema = z.number().min(-180).max(180);
export const seqSchema = z.number().int().positive();
