import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { ConsoleApiError } from '../../../shared/api/errors';
import type { BasemapRange } from '../../../shared/domain/basemap';

/** Every PMTiles v3 archive starts with these bytes. */
const MAGIC = Buffer.from('PMTiles');

/**
 * One answer for every refusal: a caller probing the disk through this operation must not learn
 * which files exist, which are links or which it may not read.
 */
function refused(): ConsoleApiError {
  return new ConsoleApiError('unavailable', 'The basemap file cannot be used', undefined, {
    reason: 'basemap',
  });
}

const isNetworkPath = (path: string): boolean => /^[\\/]{2}/.test(path);

/** True when `path` lies strictly inside `folder` (both already resolved). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The file to open: in the administrators' basemap folder (after resolving every link in the
 * folders on the way), itself a regular file and not a link.
 */
async function resolveInside(dir: string, path: string): Promise<string> {
  if (isNetworkPath(dir) || isNetworkPath(path)) throw refused();
  const folder = await realpath(dir);
  const candidate = join(await realpath(dirname(path)), basename(path));
  if (!isInside(folder, candidate)) throw refused();
  const stat = await lstat(candidate);
  if (!stat.isFile()) throw refused(); // a link answers isSymbolicLink, not isFile
  return candidate;
}

async function readAt(file: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

/**
 * Reads a byte range of the PMTiles basemap set in Settings, for the page's PMTiles reader. The
 * file must lie in the basemap folder administrators chose, is opened without following links and
 * must be a PMTiles archive. It is opened per call: a file replaced or removed while the console
 * runs is noticed at once (the etag changes, or the call fails).
 */
export async function readBasemapRange(
  dir: string | null,
  path: string | null,
  offset: number,
  length: number,
): Promise<BasemapRange> {
  if (dir === null || path === null) throw refused();
  let file: FileHandle | null = null;
  try {
    const resolved = await resolveInside(dir, path);
    // O_NOFOLLOW: a link swapped in after the check above is refused by the kernel.
    file = await open(resolved, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = await file.stat();
    if (!stat.isFile()) throw refused();
    if (!(await readAt(file, 0, MAGIC.length)).equals(MAGIC)) throw refused();
    const bytes = await readAt(file, offset, Math.max(0, Math.min(length, stat.size - offset)));
    return { bytes: bytes.toString('base64'), etag: `${stat.size}-${Math.round(stat.mtimeMs)}` };
  } catch (error) {
    if (error instanceof ConsoleApiError) throw error;
    throw refused();
  } finally {
    await file?.close();
  }
}
