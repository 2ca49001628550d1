import { z } from 'zod';

/** The largest slice of the basemap file one call returns (PMTiles directories and tiles are small). */
export const MAX_BASEMAP_RANGE = 4 * 1024 * 1024;

/** A byte range of the local PMTiles file. */
export const basemapRangeInputSchema = z
  .object({
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    length: z.number().int().min(1).max(MAX_BASEMAP_RANGE),
  })
  .strict();

export const basemapRangeSchema = z.object({
  /** The bytes, base64 (both transports carry JSON); fewer than asked at the end of the file. */
  bytes: z.base64(),
  /** Changes when the file does: a reader holding older directories starts over. */
  etag: z.string(),
});
export type BasemapRange = z.infer<typeof basemapRangeSchema>;
