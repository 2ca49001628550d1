import { anchorBody, type Anchor } from '../../../shared/central/audit-anchors';
import * as body from '../../../shared/central/requests';
import { HttpFailure, parse, type Answer, type Request, type Routes } from './routes';
import type { ServiceState } from './service-state';

/** Which version of the central API the simulator speaks: 1.0 answers 404 to all of 1.1. */
export type ApiVersion = '1.0' | '1.1';

/** The 1.1 features this simulator offers. */
export const FEATURES = ['audit_anchors'] as const;

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

  private offered(): void {
    if (this.version === '1.0') throw new HttpFailure(404, 'not_found', 'Not in API version 1.0');
  }
}
