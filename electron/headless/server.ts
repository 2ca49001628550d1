import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConsoleApiError } from '../../shared/api/errors';
import { toConsoleApiError } from '../core/api/dispatcher';
import type { ConsoleCore } from '../core/console-core';
import { contentSecurityPolicy } from '../core/security/csp';
import { isOwnHost, isOwnOrigin, requestToken, tokenMatches } from './auth';
import { EventsSocket, refuseUpgrade } from './events-socket';
import { readJsonBody, sendAnswer, sendError, sendJson } from './http-util';
import { serveStatic } from './static-files';

export interface HeadlessServerOptions {
  core: ConsoleCore;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticRoot: string;
}

export interface HeadlessServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const RPC_PREFIX = '/rpc/';

/** A path segment decoded, or a 400 for a malformed `%` escape (never a 500). */
function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ConsoleApiError('invalid_input', 'Malformed %-escape in the path');
  }
}

/**
 * Serves the renderer and the ConsoleApi on 127.0.0.1 only. `/rpc/<operation>` and `/events`
 * need the run's token; the static page does not, and `/health` without it says only ok/version.
 * Behind the token, every operation still passes the core's permission table.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, token, staticRoot } = options;
  const events = new EventsSocket(core.events);
  let port = options.port;
  let connectOrigins: string[] = [];

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, toConsoleApiError(error));
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!isOwnHost(request, port)) {
      return sendError(response, new ConsoleApiError('forbidden', 'Unexpected Host header'));
    }
    if (url.pathname === '/health' && request.method === 'GET') {
      // Without the token a watchdog learns that the console is up, and nothing else.
      const full = tokenMatches(token, requestToken(request, url));
      return sendJson(response, 200, await core.health(full));
    }
    if (url.pathname.startsWith(RPC_PREFIX)) {
      if (request.method !== 'POST') {
        return sendJson(response, 405, {
          error: { code: 'method_not_allowed', message: 'Use POST' },
        });
      }
      if (!tokenMatches(token, requestToken(request, url))) {
        return sendError(
          response,
          new ConsoleApiError('unauthenticated', 'Missing or wrong token'),
        );
      }
      const name = decodePath(url.pathname.slice(RPC_PREFIX.length));
      const value = await core.dispatch(name, await readJsonBody(request));
      return sendAnswer(response, value ?? null);
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      // Per request: a tile server set in Settings is admitted from the next page load.
      return serveStatic(
        request,
        response,
        url,
        staticRoot,
        contentSecurityPolicy({ connect: connectOrigins, images: core.imageOrigins() }),
      );
    }
    sendJson(response, 405, {
      error: { code: 'method_not_allowed', message: 'Method not allowed' },
    });
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/events') return refuseUpgrade(socket, 404, 'Not Found');
    if (!isOwnHost(request, port) || !isOwnOrigin(request, port)) {
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (!tokenMatches(token, requestToken(request, url))) {
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    events.accept(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origins = [`127.0.0.1:${port}`, `localhost:${port}`];
  connectOrigins = origins.map((origin) => `ws://${origin}`);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
