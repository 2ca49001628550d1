import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { anchorPageSchema, anchorSchema } from '../../../shared/central/audit-anchors';
import type { CentralHttp } from '../central/central-http';
import { serviceFeatures } from '../central/capabilities';
import type { AuditAnchor } from '../db/queries/audit';
import type { StoreService } from '../db/store-service';
import type { Clock, Monotonic } from '../runtime/clock';

/** central-api.md 1.1: at least every 5 minutes; and, here, after every 1,000 rows. */
export const ANCHOR_EVERY_MS = 5 * 60_000;
export const ANCHOR_EVERY_ROWS = 1_000;
export const FEATURE = 'audit_anchors';

export interface AnchorState {
  /** null until the service was asked; false against a 1.0 service. */
  available: boolean | null;
  lastSentSeq: number | null;
  lastSentAt: string | null;
}

export interface AnchorSenderOptions {
  store: StoreService;
  /** The signed-in session's HTTP client, or null while nobody is signed in. */
  http: () => CentralHttp | null;
  consoleId: string;
  clock: Clock;
  monotonic: Monotonic;
  everyMs?: number;
  everyRows?: number;
  onChange: () => void;
}

/** Every anchor the service holds for a console, page by page, oldest first. */
export async function fetchAnchors(http: CentralHttp, consoleId: string): Promise<AuditAnchor[]> {
  const anchors: AuditAnchor[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ consoleId, limit: '1000' });
    if (cursor) query.set('cursor', cursor);
    const page: z.output<typeof anchorPageSchema> = await http.request(
      'GET',
      `/audit/anchors?${query}`,
      anchorPageSchema,
    );
    anchors.push(...page.items.map(({ seq, hash }) => ({ seq, hash })));
    cursor = page.nextCursor;
  } while (cursor);
  return anchors;
}

/**
 * Sends the audit chain's head to the service (`audit_anchors`) so that a log rewritten after the
 * fact, hashes recomputed and all, no longer matches what the service kept. Anchors need a signed-
 * in session; while there is none the head waits, and the next session sends it.
 */
export class AnchorSender {
  readonly state: AnchorState = { available: null, lastSentSeq: null, lastSentAt: null };
  private askedWith: CentralHttp | null = null;
  private lastSentMono = -Infinity;

  constructor(private readonly options: AnchorSenderOptions) {}

  /** One pass: learn whether the service anchors, then send the head if it is due. */
  async tick(): Promise<void> {
    const http = this.options.http();
    if (!http) return;
    if (http !== this.askedWith) {
      // A new session may be with a service upgraded (or replaced) meanwhile: ask again.
      const { features } = await serviceFeatures(http);
      this.askedWith = http;
      this.state.available = features.has(FEATURE);
      this.options.onChange();
    }
    if (!this.state.available) return;
    const head = await this.options.store.run((s) => s.auditHead());
    if (!head || !this.isDue(head)) return;
    await this.send(http, head);
  }

  /** Every anchor the service holds for this console, oldest first. */
  async fetchAll(): Promise<AuditAnchor[]> {
    const http = this.options.http();
    if (!http || !this.state.available) return [];
    return fetchAnchors(http, this.options.consoleId);
  }

  private isDue(head: AuditAnchor): boolean {
    const { everyMs = ANCHOR_EVERY_MS, everyRows = ANCHOR_EVERY_ROWS } = this.options;
    if (this.state.lastSentSeq === null) return true;
    if (head.seq - this.state.lastSentSeq >= everyRows) return true;
    return this.options.monotonic() - this.lastSentMono >= everyMs;
  }

  private async send(http: CentralHttp, head: AuditAnchor): Promise<void> {
    const at = this.options.clock().toISOString();
    await http.request('POST', '/audit/anchors', z.object({ anchor: anchorSchema }), {
      consoleId: this.options.consoleId,
      seq: head.seq,
      hash: head.hash,
      at,
      idempotencyKey: randomUUID(),
    });
    this.lastSentMono = this.options.monotonic();
    this.state.lastSentSeq = head.seq;
    this.state.lastSentAt = at;
    this.options.onChange();
  }
}
