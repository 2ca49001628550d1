import { open } from 'node:fs/promises';
import { ConsoleApiError } from '../../../shared/api/errors';
import type { BasemapRange } from '../../../shared/domain/basemap';

/**
 * Reads a byte range of the PMTiles basemap set in Settings, for the page's PMTiles reader. The
 * file is opened per call: a file replaced or removed while the console runs is noticed at once
 * (the etag changes, or the call fails with a message the map shows).
 */
export async function readBasemapRange(
  path: string | null,
  offset: number,
  length: number,
): Promise<BasemapRange> {
  if (path === null) throw new ConsoleApiError('unavailable', 'No basemap file is set');
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    throw new ConsoleApiError('unavailable', `The basemap file ${path} ${why}`);
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile()) throw new ConsoleApiError('unavailable', `${path} is not a file`);
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, stat.size - offset)));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
    return {
      bytes: buffer.subarray(0, bytesRead).toString('base64'),
      etag: `${stat.size}-${Math.round(stat.mtimeMs)}`,
    };
  } finally {
    await file.close();
  }
}
