import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { applyAction, refusal } from '../../../shared/central/alert-workflow';
import type { AlertAction, Operator, Shift, Zone } from '../../../shared/central/records';
import * as body from '../../../shared/central/requests';
import type { ServiceState } from './service-state';

/** An answer that is not 2xx: central-api.md's error body, with its status. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Answer {
  status: number;
  body?: unknown;
}

export interface Request {
  operator: Operator;
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || '(body)';
  throw new HttpFailure(400, 'invalid_request', `${field}: ${issue.message}`);
}

/** Pages over a list with an offset cursor, as the history endpoints do. */
function page<T>(items: T[], query: URLSearchParams): { items: T[]; nextCursor: string | null } {
  const { cursor, limit = 1000 } = parse(body.pageQuery, Object.fromEntries(query));
  const start = Number(cursor ?? 0);
  const slice = items.slice(start, start + limit);
  return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
}

function inRange(at: string, query: URLSearchParams): boolean {
  const from = query.get('from');
  const to = query.get('to');
  return (!from || at >= from) && (!to || at < to);
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new HttpFailure(404, 'not_found', `No ${what}`);
  return value;
}

function expectVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw new HttpFailure(
      409,
      'conflict',
      `Stale expectedVersion ${expected}: the record is at version ${current.version}`,
    );
  }
}

export class Routes {
  readonly sessions = new Map<string, { operatorId: string; expiresAt: number }>();
  private readonly idempotent = new Map<string, Answer>();

  constructor(private readonly state: ServiceState) {}

  /** Repeats the first answer for a key already seen; transient failures are not remembered. */
  once(key: string, run: () => Answer): Answer {
    const seen = this.idempotent.get(key);
    if (seen) return seen;
    try {
      const answer = run();
      this.idempotent.set(key, answer);
      return answer;
    } catch (error) {
      if (error instanceof HttpFailure && error.status < 500 && error.status !== 429) {
        this.idempotent.set(key, {
          status: error.status,
          body: { error: { code: error.code, message: error.message } },
        });
      }
      throw error;
    }
  }

  login(raw: unknown): Answer {
    const { username, password } = parse(body.loginBody, raw);
    const operator = [...this.state.operators.values()].find(
      (candidate) => candidate.id === username,
    );
    if (!operator || operator.password !== password)
      throw new HttpFailure(401, 'unauthenticated', 'Wrong username or password');
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.state.now().getTime() + 12 * 3_600_000;
    this.sessions.set(token, { operatorId: operator.id, expiresAt });
    const { password: _secret, ...visible } = operator;
    return {
      status: 200,
      body: { token, operator: visible, expiresAt: new Date(expiresAt).toISOString() },
    };
  }

  snapshot(): Answer {
    const s = this.state;
    return {
      status: 200,
      body: {
        seq: s.seq,
        clients: [...s.clients.values()],
        devices: [...s.devices.values()],
        zones: [...s.zones.values()],
        openAlerts: [...s.alerts.values()].filter((alert) => alert.state !== 'resolved'),
        lastPositions: s.lastPositions(),
        // 1.1 `victim_units`; a 1.0 service has no orders and leaves the field out.
        ...(s.protectionOrders.size > 0 && { protectionOrders: [...s.protectionOrders.values()] }),
        ...(s.suppressions.size > 0 && { suppressions: s.suppressionsInForce() }),
      },
    };
  }

  positions({ params: [id], query }: Request): Answer {
    found(this.state.clients.get(id!), `client ${id}`);
    const items = (this.state.positions.get(id!) ?? []).filter((p) => inRange(p.at, query));
    return { status: 200, body: page(items, query) };
  }

  alerts({ query }: Request): Answer {
    const clientId = query.get('clientId');
    const items = [...this.state.alerts.values()]
      .filter(
        (alert) => (!clientId || alert.clientId === clientId) && inRange(alert.raisedAt, query),
      )
      .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
    return { status: 200, body: page(items, query) };
  }

  alertActions({ params: [id] }: Request): Answer {
    found(this.state.alerts.get(id!), `alert ${id}`);
    return { status: 200, body: { items: this.state.actions.get(id!) ?? [] } };
  }

  act({ operator, params: [id], body: raw }: Request): Answer {
    const request = parse(body.actionBody, raw);
    return this.once(request.idempotencyKey, () => {
      const alert = found(this.state.alerts.get(id!), `alert ${id}`);
      expectVersion(alert, request.expectedVersion);
      const refused = refusal(alert, request.kind, operator);
      if (refused) throw new HttpFailure(409, 'conflict', `Cannot ${request.kind}: ${refused}`);
      const at = this.state.now().toISOString();
      const changed = applyAction(alert, request.kind, operator.id, at, request.payload);
      const next =
        changed === alert ? alert : this.state.update(this.state.alerts, 'alert', changed);
      const action: AlertAction = {
        id: this.state.nextId('AA'),
        alertId: alert.id,
        operatorId: operator.id,
        at,
        kind: request.kind,
        payload: request.payload,
      };
      this.state.addAction(action);
      return { status: 200, body: { alert: next, action } };
    });
  }

  createZone({ body: raw }: Request): Answer {
    const { idempotencyKey, ...fields } = parse(body.createZoneBody, raw);
    return this.once(idempotencyKey, () => {
      const zone: Zone = {
        ...fields,
        id: this.state.nextId('Z'),
        version: 1,
        updatedAt: this.state.now().toISOString(),
      };
      return { status: 201, body: { zone: this.state.create(this.state.zones, 'zone', zone) } };
    });
  }

  updateZone({ params: [id], body: raw }: Request): Answer {
    const { expectedVersion, ...fields } = parse(body.updateZoneBody, raw);
    const zone = found(this.state.zones.get(id!), `zone ${id}`);
    expectVersion(zone, expectedVersion);
    return {
      status: 200,
      body: { zone: this.state.update(this.state.zones, 'zone', { ...zone, ...fields }) },
    };
  }

  deleteZone({ params: [id], query }: Request): Answer {
    const zone = found(this.state.zones.get(id!), `zone ${id}`);
    expectVersion(zone, Number(query.get('expectedVersion')));
    this.state.zones.delete(zone.id);
    this.state.emit('zone.deleted', { id: zone.id, at: this.state.now().toISOString() });
    return { status: 204 };
  }

  shifts({ query }: Request): Answer {
    const items = [...this.state.shifts.values()].filter((shift) =>
      inRange(shift.startedAt, query),
    );
    return { status: 200, body: page(items, query) };
  }

  startShift({ body: raw }: Request): Answer {
    const { operatorIds, idempotencyKey } = parse(body.createShiftBody, raw);
    return this.once(idempotencyKey, () => {
      if ([...this.state.shifts.values()].some((shift) => shift.endedAt === null)) {
        throw new HttpFailure(409, 'conflict', 'Another shift is open');
      }
      const shift: Shift = {
        id: this.state.nextId('SH'),
        version: 1,
        startedAt: this.state.now().toISOString(),
        endedAt: null,
        operatorIds,
        handover: null,
      };
      return { status: 201, body: { shift: this.state.create(this.state.shifts, 'shift', shift) } };
    });
  }

  handover({ operator, params: [id], body: raw }: Request): Answer {
    const request = parse(body.handoverBody, raw);
    return this.once(request.idempotencyKey, () => {
      const shift = found(this.state.shifts.get(id!), `shift ${id}`);
      expectVersion(shift, request.expectedVersion);
      if (shift.endedAt !== null || shift.handover !== null)
        throw new HttpFailure(409, 'conflict', 'Handover already signed');
      if (!shift.operatorIds.includes(operator.id))
        throw new HttpFailure(403, 'forbidden', 'Only the outgoing shift signs');
      const handover = {
        summary: request.summary,
        openAlertIds: request.openAlertIds,
        outgoingSignedBy: operator.id,
        outgoingSignedAt: this.state.now().toISOString(),
        incomingSignedBy: null,
        incomingSignedAt: null,
      };
      return {
        status: 200,
        body: { shift: this.state.update(this.state.shifts, 'shift', { ...shift, handover }) },
      };
    });
  }

  accept({ operator, params: [id], body: raw }: Request): Answer {
    const request = parse(body.acceptBody, raw);
    return this.once(request.idempotencyKey, () => {
      const shift = found(this.state.shifts.get(id!), `shift ${id}`);
      expectVersion(shift, request.expectedVersion);
      if (!shift.handover || shift.endedAt !== null)
        throw new HttpFailure(409, 'conflict', 'No handover to accept');
      if (shift.handover.outgoingSignedBy === operator.id) {
        throw new HttpFailure(
          409,
          'conflict',
          'The incoming operator must differ from the outgoing one',
        );
      }
      const at = this.state.now().toISOString();
      const handover = { ...shift.handover, incomingSignedBy: operator.id, incomingSignedAt: at };
      return {
        status: 200,
        body: {
          shift: this.state.update(this.state.shifts, 'shift', { ...shift, handover, endedAt: at }),
        },
      };
    });
  }

  journal({ query }: Request): Answer {
    const shiftId = query.get('shiftId');
    const clientId = query.get('clientId');
    const items = this.state.journal.filter(
      (entry) =>
        (!shiftId || entry.shiftId === shiftId) &&
        (!clientId || entry.refs.clientIds.includes(clientId)) &&
        inRange(entry.at, query),
    );
    return { status: 200, body: page(items, query) };
  }

  writeJournal({ operator, body: raw }: Request): Answer {
    const { idempotencyKey, ...fields } = parse(body.journalBody, raw);
    return this.once(idempotencyKey, () => {
      found(this.state.shifts.get(fields.shiftId), `shift ${fields.shiftId}`);
      const entry = {
        ...fields,
        id: this.state.nextId('JE'),
        operatorId: operator.id,
        at: this.state.now().toISOString(),
      };
      this.state.journal.push(entry);
      this.state.emit('journal.entry', entry);
      return { status: 201, body: { entry } };
    });
  }
}
