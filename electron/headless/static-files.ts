import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor, resolveInside } from '../core/security/app-path';
import { COMMON_HEADERS, sendJson } from './http-util';

/** Serves the built renderer from `root`, refusing any path that would leave it. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  root: string,
  csp: string,
): Promise<void> {
  const file = resolveInside(root, url.pathname);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) {
    sendJson(response, 404, {
      error: { code: 'not_found', message: `No file at ${url.pathname}` },
    });
    return;
  }
  const type = contentTypeFor(file);
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': info.size,
    'Content-Security-Policy': csp,
    // The page itself must never come from a cache (it is how a new build reaches a console);
    // hashed assets may.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
