import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Maps a request path to a file inside `root`, or null when it would escape it. Used by the
 * Electron custom protocol and the headless static server alike: decoding happens once, before
 * the check, so `%2e%2e/` cannot slip past it.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded.replace(/^\/+/, '') || 'index.html';
  const full = resolve(root, wanted);
  const fromRoot = relative(resolve(root), full);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return full;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.pmtiles': 'application/octet-stream',
};

export function contentTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  return CONTENT_TYPES[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}

/**
 * The file behind a request to the desktop shell's custom protocol (`sargs://app/...`), or null for
 * another host or a path outside the renderer's folder.
 */
export function appFileForRequest(
  root: string,
  rawUrl: string,
  scheme: string,
  host: string,
): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:` || url.hostname !== host) return null;
  return resolveInside(root, url.pathname);
}
