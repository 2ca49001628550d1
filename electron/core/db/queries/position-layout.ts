/** Positions are keyed by a 10-minute time bucket first (see migration 0001 for why). */
export const BUCKET_MS = 10 * 60 * 1000;
export const bucketOf = (atMs: number): number => Math.floor(atMs / BUCKET_MS);

/** The columns of a fix, in the order positions and last_fixes both use (after `bucket`). */
export const FIX_COLUMNS =
  'client_id, at, id, device_id, received_at, lat, lon, accuracy_m, speed_kmh, source';
