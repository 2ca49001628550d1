import { anchorBody, type Anchor } from '../../../shared/central/audit-anchors';
import { clearAlertBody, raiseAlertBody } from '../../../shared/central/console-alerts';
import { newAlertRecord } from '../../../shared/central/new-alert';
import * as body from '../../../shared/central/requests';
import {
  createSuppressionBody,
  liftSuppressionBody,
  SUPPRESSION_MAX_MS,
  SUPPRESSION_MIN_MS,
} from '../../../shared/central/suppressions';
import { HttpFailure, parse, type Answer, type Request, type Routes } from './routes';
import type { ServiceState } from './service-state';

/** Which version of the central API the simulator speaks: 1.0 answers 404 to all of 1.1. */
export type ApiVersion = '1.0' | '1.1';

/** The 1.1 features this simulator offers. */
export const FEATURES = [
  'audit_anchors',
  'console_alerts',
  'suppressions',
  'victim_units',
  'zone_history',
] as const;

/**
 * central-api.md's version 1.1 additions. Against `1.0` every one of them is a 404, as a vendor's
 * service that has not caught up answers, so consoles can be tested against both.
 */
export class V11Routes {
  private readonly anchors: Anchor[] = [];

  constructor(
    private readonly version: ApiVersion,
    private readonly state: ServiceState,
    private readonly routes: Routes,
  ) {}

  capabilities(): Answer {
    this.offered();
    return { status: 200, body: { version: '1.1', features: [...FEATURES] } };
  }

  addAnchor({ body: raw }: Request): Answer {
    this.offered();
    const { idempotencyKey, ...fields } = parse(anchorBody, raw);
    return this.routes.once(idempotencyKey, () => {
      const anchor = { ...fields, receivedAt: this.state.now().toISOString() };
      this.anchors.push(anchor);
      return { status: 201, body: { anchor } };
    });
  }

  listAnchors({ query }: Request): Answer {
    this.offered();
    const consoleId = query.get('consoleId');
    const { cursor, limit = 1000 } = parse(body.pageQuery, Object.fromEntries(query));
    const items = this.anchors.filter((a) => !consoleId || a.consoleId === consoleId);
    const start = Number(cursor ?? 0);
    return {
      status: 200,
      body: {
        items: items.slice(start, start + limit),
        nextCursor: start + limit < items.length ? String(start + limit) : null,
      },
    };
  }

  /** console_alerts: an alert a console's receiver saw, raised for every console. */
  raiseAlert({ body: raw }: Request): Answer {
    this.offered();
    const { idempotencyKey, position, raisedAt, ...fields } = parse(raiseAlertBody, raw);
    return this.routes.once(idempotencyKey, () => {
      if (!this.state.clients.has(fields.clientId))
        throw new HttpFailure(400, 'invalid_request', `clientId: no client ${fields.clientId}`);
      const device = this.state.devices.get(fields.deviceId);
      if (device?.clientId !== fields.clientId)
        throw new HttpFailure(
          400,
          'invalid_request',
          `deviceId: not a device of ${fields.clientId}`,
        );
      const now = this.state.now().toISOString();
      const record = newAlertRecord(
        this.state.nextId('AL'),
        { ...fields, zoneId: null },
        position,
        raisedAt,
        now,
      );
      const alert = this.state.create(this.state.alerts, 'alert', {
        ...record,
        source: 'console' as const,
      });
      return { status: 201, body: { alert } };
    });
  }

  clearAlert({ params: [id], body: raw }: Request): Answer {
    this.offered();
    const { idempotencyKey, at } = parse(clearAlertBody, raw);
    return this.routes.once(idempotencyKey, () => {
      const alert = this.state.alerts.get(id!);
      if (!alert) throw new HttpFailure(404, 'not_found', `No alert ${id}`);
      if (alert.clearedAt) throw new HttpFailure(409, 'conflict', `Alert ${id} is already cleared`);
      const cleared = this.state.update(this.state.alerts, 'alert', { ...alert, clearedAt: at });
      return { status: 200, body: { alert: cleared } };
    });
  }

  /** suppressions: one alert type for one client, 15 minutes to 2 hours, a supervisor's. */
  createSuppression({ operator, body: raw }: Request): Answer {
    this.offered();
    const { idempotencyKey, ...fields } = parse(createSuppressionBody, raw);
    return this.routes.once(idempotencyKey, () => {
      if (!this.state.clients.has(fields.clientId))
        throw new HttpFailure(400, 'invalid_request', `clientId: no client ${fields.clientId}`);
      const now = this.state.now();
      const span = Date.parse(fields.until) - now.getTime();
      if (span < SUPPRESSION_MIN_MS - 60_000 || span > SUPPRESSION_MAX_MS + 60_000)
        throw new HttpFailure(400, 'invalid_request', 'until: 15 minutes to 2 hours from now');
      const suppression = this.state.create(this.state.suppressions, 'suppression', {
        id: this.state.nextId('SU'),
        version: 1,
        ...fields,
        from: now.toISOString(),
        createdBy: operator.id,
        liftedAt: null,
        liftedBy: null,
        updatedAt: now.toISOString(),
      });
      return { status: 201, body: { suppression } };
    });
  }

  liftSuppression({ operator, params: [id], body: raw }: Request): Answer {
    this.offered();
    const { idempotencyKey, expectedVersion } = parse(liftSuppressionBody, raw);
    return this.routes.once(idempotencyKey, () => {
      const held = this.state.suppressions.get(id!);
      if (!held) throw new HttpFailure(404, 'not_found', `No suppression ${id}`);
      if (held.version !== expectedVersion || held.liftedAt !== null)
        throw new HttpFailure(409, 'conflict', `Suppression ${id} changed or is lifted`);
      const suppression = this.state.update(this.state.suppressions, 'suppression', {
        ...held,
        liftedAt: this.state.now().toISOString(),
        liftedBy: operator.id,
      });
      return { status: 200, body: { suppression } };
    });
  }

  /** zone_history: every version of a zone, oldest first (404 for a zone never held). */
  zoneVersions({ params: [id] }: Request): Answer {
    this.offered();
    const items = this.state.zoneHistory.of(id!);
    if (items.length === 0) throw new HttpFailure(404, 'not_found', `No zone ${id}`);
    return { status: 200, body: { items } };
  }

  private offered(): void {
    if (this.version === '1.0') throw new HttpFailure(404, 'not_found', 'Not in API version 1.0');
  }
}
