import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mayDo, type OutboxOperation } from '../../../shared/central/operations';
import type { Alert, Operator, Position } from '../../../shared/central/records';
import type { LatLon } from '../../../shared/geo/distance';
import { defaultAlertRates, type AlertRates } from './alert-rates';
import { Engine } from './engine';
import { liveDay } from './lived-day';
import { Faults } from './faults';
import { raiseAlert, type NewAlert } from './raise-alert';
import { HttpFailure, Routes, type Answer, type Request } from './routes';
import { ServiceState } from './service-state';
import { V11Routes, type ApiVersion } from './v11-routes';
import { StreamHub } from './stream';
import { trainingAccounts } from './training-accounts';
import { Victims } from './victims';
import { buildWorld } from './world';

export interface SimulatorOptions {
  port?: number;
  clients?: number;
  seed?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** Simulated start time (default: now). */
  start?: Date;
  /** Events kept for replay; older cursors get `reset`. */
  maxEvents?: number;
  heartbeatMs?: number;
  /** Advance the simulation on a real-time timer (off in tests that step it themselves). */
  run?: boolean;
  /** The central API version to speak (default 1.1; 1.0 answers 404 to the 1.1 additions). */
  apiVersion?: ApiVersion;
  /**
   * Hours of the world already lived when it opens (see lived-day.ts): the training console asks
   * for 24, so its first look is a working centre. Default 0: tests start from a blank service.
   */
  livedHours?: number;
  /** Chances per client per day of each alert's cause (see alert-rates.ts for the defaults). */
  rates?: AlertRates;
}

export interface Simulator {
  readonly url: string;
  readonly state: ServiceState;
  readonly faults: Faults;
  /** Produces everything up to this simulated time now, without waiting. */
  advanceTo(at: Date): void;
  /** The simulated clock. */
  now(): Date;
  /** Cuts every open stream (as a network failure would). */
  dropStreams(): void;
  /**
   * Raises an alert now for a client, where their device last reported (a drill: a training
   * scenario or a test makes the service raise what a device would).
   */
  raise(fields: Pick<NewAlert, 'clientId' | 'type' | 'severity'> & Partial<NewAlert>): Alert;
  /**
   * Drills for 1.1 `victim_units`: the victim of an order is put beside their client (raising
   * `victim_proximity` now) for `forMs` (default 30 minutes), or sent back where their day has them.
   */
  victims: { approach(orderId: string, forMs?: number): void; separate(orderId: string): void };
  /**
   * A drill: the client's tag reports a fix from `point` now, or at `at` (a trip a trainer or a
   * test sends them on), judged against the service's zones as they stand, like any fix.
   */
  visit(clientId: string, point: LatLon, at?: Date): Position;
  close(): Promise<void>;
}

type Handler = (request: Request) => Answer;
const API = '/api/v1';

/** The training simulator: a real central service (central-api.md) over a simulated world. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const {
    clients = 300,
    seed = 1,
    speed = 1,
    maxEvents = 2_000_000,
    heartbeatMs = 15_000,
  } = options;
  const wallStart = Date.now();
  const simStart = (options.start ?? new Date()).getTime();
  const clock = (): Date => new Date(simStart + (Date.now() - wallStart) * speed);
  const state = new ServiceState(clock, maxEvents);
  const faults = new Faults();
  const routes = new Routes(state);
  const v11 = new V11Routes(options.apiVersion ?? '1.1', state, routes);
  const hub = new StreamHub(state, faults, heartbeatMs);
  for (const account of trainingAccounts) state.operators.set(account.id, account);

  const livedFrom = simStart - (options.livedHours ?? 0) * 3_600_000;
  const world = buildWorld(seed, clients, new Date(livedFrom), {
    ...defaultAlertRates,
    ...options.rates,
  });
  // A 1.0 service knows no victim units: neither their devices nor the orders.
  const withVictims = (options.apiVersion ?? '1.1') === '1.1';
  state.at(livedFrom, () => {
    for (const client of world.clients) state.create(state.clients, 'client', client.record);
    for (const device of world.devices)
      if (withVictims || device.kind !== 'victim_unit')
        state.create(state.devices, 'device', device);
    for (const zone of world.zones) state.create(state.zones, 'zone', zone);
    if (withVictims)
      for (const order of world.orders)
        state.create(state.protectionOrders, 'protection_order', order);
  });
  const victims = withVictims ? new Victims(seed, world, state) : null;
  const engine = new Engine(seed, world, state, livedFrom, victims);
  if (livedFrom < simStart) liveDay(engine, state, simStart, options.livedHours!);
  engine.advanceTo(simStart);

  // The last column names the operation a route performs, for the role check.
  const table: [string, RegExp, Handler, OutboxOperation?][] = [
    ['GET', /^\/snapshot$/, () => routes.snapshot()],
    ['GET', /^\/clients\/([\w-]+)\/positions$/, (r) => routes.positions(r)],
    ['GET', /^\/alerts$/, (r) => routes.alerts(r)],
    ['GET', /^\/alerts\/([\w-]+)\/actions$/, (r) => routes.alertActions(r)],
    ['POST', /^\/alerts\/([\w-]+)\/actions$/, (r) => routes.act(r), 'alert.action'],
    ['POST', /^\/alerts$/, (r) => v11.raiseAlert(r), 'alert.raise'],
    ['POST', /^\/alerts\/([\w-]+)\/clear$/, (r) => v11.clearAlert(r), 'alert.clear'],
    ['POST', /^\/zones$/, (r) => routes.createZone(r), 'zone.create'],
    ['PUT', /^\/zones\/([\w-]+)$/, (r) => routes.updateZone(r), 'zone.update'],
    ['DELETE', /^\/zones\/([\w-]+)$/, (r) => routes.deleteZone(r), 'zone.delete'],
    ['GET', /^\/shifts$/, (r) => routes.shifts(r)],
    ['POST', /^\/shifts$/, (r) => routes.startShift(r), 'shift.start'],
    ['POST', /^\/shifts\/([\w-]+)\/handover$/, (r) => routes.handover(r), 'shift.handover'],
    ['POST', /^\/shifts\/([\w-]+)\/accept$/, (r) => routes.accept(r), 'shift.accept'],
    ['GET', /^\/journal$/, (r) => routes.journal(r)],
    ['POST', /^\/journal$/, (r) => routes.writeJournal(r), 'journal.add'],
    ['GET', /^\/capabilities$/, () => v11.capabilities()],
    ['POST', /^\/suppressions$/, (r) => v11.createSuppression(r), 'suppression.create'],
    ['POST', /^\/suppressions\/([\w-]+)\/lift$/, (r) => v11.liftSuppression(r), 'suppression.lift'],
    ['GET', /^\/zones\/([\w-]+)\/versions$/, (r) => v11.zoneVersions(r)],
    ['POST', /^\/audit\/anchors$/, (r) => v11.addAnchor(r)],
    ['GET', /^\/audit\/anchors$/, (r) => v11.listAnchors(r)],
  ];

  function operatorOf(request: IncomingMessage, url: URL): Operator {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
    const session = token ? routes.sessions.get(token) : undefined;
    if (!session || session.expiresAt < state.now().getTime())
      throw new HttpFailure(401, 'unauthenticated', 'Log in first');
    const { password: _secret, ...operator } = state.operators.get(session.operatorId)!;
    return operator;
  }

  async function handle(request: IncomingMessage): Promise<Answer> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (!url.pathname.startsWith(API))
      throw new HttpFailure(404, 'not_found', `No route ${url.pathname}`);
    if (faults.failures.remaining > 0) {
      faults.failures.remaining -= 1;
      throw new HttpFailure(faults.failures.status, 'unavailable', 'Injected failure');
    }
    if (faults.throttle.remaining > 0) {
      faults.throttle.remaining -= 1;
      throw new HttpFailure(429, 'rate_limited', 'Slow down', {
        'Retry-After': String(faults.throttle.retryAfterS),
      });
    }
    const path = url.pathname.slice(API.length);
    const raw = await readBody(request);
    if (path === '/session' && request.method === 'POST') return routes.login(raw);
    const operator = operatorOf(request, url);
    if (path === '/session' && request.method === 'DELETE') {
      routes.sessions.delete(request.headers.authorization?.slice(7) ?? '');
      return { status: 204 };
    }
    for (const [method, pattern, handler, operation] of table) {
      const match = pattern.exec(path);
      if (match && method === request.method) {
        if (operation && !mayDo(operator.roles, operation))
          throw new HttpFailure(403, 'forbidden', `Your role may not do ${operation}`);
        return handler({ operator, params: match.slice(1), query: url.searchParams, body: raw });
      }
    }
    throw new HttpFailure(404, 'not_found', `No route ${request.method} ${url.pathname}`);
  }

  const server = createServer((request, response) => {
    handle(request)
      .then((answer) => send(response, answer.status, answer.body))
      .catch((error: unknown) => {
        const failure =
          error instanceof HttpFailure ? error : new HttpFailure(500, 'internal', String(error));
        send(
          response,
          failure.status,
          { error: { code: failure.code, message: failure.message } },
          failure.headers,
        );
      });
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const after = url.searchParams.get('after');
    let failure: HttpFailure | null = null;
    try {
      if (url.pathname !== `${API}/stream`)
        throw new HttpFailure(404, 'not_found', 'No such stream');
      operatorOf(request, url);
      if (after === null || !/^\d+$/.test(after))
        throw new HttpFailure(400, 'invalid_request', 'after: a seq is required');
    } catch (error) {
      failure =
        error instanceof HttpFailure ? error : new HttpFailure(500, 'internal', String(error));
    }
    if (failure) {
      socket.end(
        `HTTP/1.1 ${failure.status} ${failure.code}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    hub.server.handleUpgrade(request, socket, head, (ws) => hub.open(ws, Number(after)));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const timer =
    options.run === false ? null : setInterval(() => engine.advanceTo(clock().getTime()), 1000);

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    faults,
    now: () => state.now(),
    advanceTo: (at) => engine.advanceTo(at.getTime()),
    raise: (fields) =>
      raiseAlert(
        state,
        {
          deviceId: state.clients.get(fields.clientId)?.deviceIds[0] ?? null,
          zoneId: null,
          ...fields,
        },
        state.positions.get(fields.clientId)?.at(-1) ?? null,
        state.now().toISOString(),
      ),
    visit: (clientId, point, at = state.now()) => engine.reportAt(clientId, point, at.getTime()),
    dropStreams: () => {
      for (const client of hub.server.clients) client.terminate();
    },
    victims: {
      approach: (orderId, forMs = 30 * 60_000) => {
        if (!victims) throw new Error('A 1.0 service has no victim units');
        victims.approach(orderId, forMs);
      },
      separate: (orderId) => {
        if (!victims) throw new Error('A 1.0 service has no victim units');
        victims.separate(orderId);
      },
    },
    close: async () => {
      if (timer) clearInterval(timer);
      hub.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, 'invalid_request', '(body): not JSON');
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
