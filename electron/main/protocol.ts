import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appFileForRequest, contentTypeFor } from '../core/security/app-path';
import { contentSecurityPolicy } from '../core/security/csp';
import { APP_HOST, APP_SCHEME } from '../core/security/url-guards';

/** Must run before `app.ready`: makes `sargs://` a standard, secure origin for the renderer. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `root` over `sargs://app/`, nothing outside it. `imageOrigins`
 * is asked per request, so a tile server set in Settings is admitted from the next page load.
 */
export function serveRenderer(root: string, imageOrigins: () => string[]): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const csp = contentSecurityPolicy({ images: imageOrigins() });
    const file = appFileForRequest(root, request.url, APP_SCHEME, APP_HOST);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
