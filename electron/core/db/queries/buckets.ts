/** Positions are keyed by a 10-minute time bucket first (see migration 0001 for why). */
export const BUCKET_MS = 10 * 60 * 1000;
export const bucketOf = (atMs: number): number => Math.floor(atMs / BUCKET_MS);
