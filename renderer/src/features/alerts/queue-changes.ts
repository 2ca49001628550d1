import type { AlertQueueChanges, AlertQueueItem } from '../../../../shared/domain/alerts';

/** The most changed alerts asked for at once; a larger change reads the whole queue. */
const MAX_CHANGED = 1000;

/**
 * The whole queue is read again at least this often, for what changes a line without any event:
 * a client's name, case number or risk level, or a change missed while the page's events socket
 * was down.
 */
export const WHOLE_EVERY_MS = 60_000;

export interface QueueSource {
  queue(): Promise<AlertQueueItem[]>;
  changes(alertIds: string[]): Promise<AlertQueueChanges>;
}

/**
 * Keeps the open alerts as the page shows them, reading only what changed. With hundreds of open
 * alerts the whole queue is ~0.5 MB: read again for every change, a burst of 200 alerts reached the
 * screen after 280 ms in the soak, most of it that read and its parsing. Now a change asks for the
 * queue's order (ids only) and the lines of the alerts that changed, and the page puts the two
 * together. Whatever it cannot put together (a line it never had) it reads whole.
 */
export class QueueChanges {
  private held: AlertQueueItem[] | null = null;
  /** Alerts changed since the last load: id → the version announced. */
  private readonly pending = new Map<string, number>();
  /**
   * The version of each alert this page has read, at least: its line's, or for an alert read and
   * found gone from the queue, the version announced before the read. A change announced at a
   * version already read is not asked for again: a burst's lines are often read along with an
   * earlier change (or by a whole read) before the burst's own news arrives, and asking again
   * doubled the burst's time to the screen in the soak.
   */
  private read = new Map<string, number>();
  private whole = true;
  private wholeAt = 0;

  constructor(
    private readonly source: QueueSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Alerts changed (each with its new version): true if the queue needs loading. */
  changed(alerts: readonly { id: string; version: number }[]): boolean {
    let news = false;
    for (const { id, version } of alerts) {
      if (!this.stale(id, version)) continue;
      this.pending.set(id, Math.max(version, this.pending.get(id) ?? 0));
      news = true;
    }
    if (this.pending.size > MAX_CHANGED) this.whole = true;
    return news;
  }

  /** Something changed that no list of ids says (a snapshot, a suppression, a missed target). */
  everything(): true {
    this.whole = true;
    return true;
  }

  /** The queue, most urgent first. A failure leaves the next load reading it whole. */
  async load(): Promise<AlertQueueItem[]> {
    const held = this.held;
    const asked = [...this.pending].filter(([id, version]) => this.stale(id, version));
    const alertIds = asked.map(([id]) => id);
    this.pending.clear();
    try {
      if (held === null || this.whole || this.now() - this.wholeAt >= WHOLE_EVERY_MS)
        return await this.loadWhole();
      if (alertIds.length === 0) return held;
      let merged = merge(held, await this.source.changes(alertIds));
      // Alerts committed after those we heard of are in the order already, their news on the
      // way: their lines are read at once rather than the whole queue.
      if (!Array.isArray(merged) && merged.missing.length <= MAX_CHANGED)
        merged = merge([...held, ...merged.items], await this.source.changes(merged.missing));
      if (!Array.isArray(merged)) return await this.loadWhole();
      this.hold(merged);
      for (const [id, version] of asked) this.saw(id, version);
      return merged;
    } catch (error) {
      this.whole = true;
      throw error;
    }
  }

  private async loadWhole(): Promise<AlertQueueItem[]> {
    this.whole = false;
    this.wholeAt = this.now();
    const items = await this.source.queue();
    this.read = new Map();
    return this.hold(items);
  }

  private hold(items: AlertQueueItem[]): AlertQueueItem[] {
    this.held = items;
    for (const { alert } of items) this.saw(alert.id, alert.version);
    return items;
  }

  /** The alert has been read at `version` at least. */
  private saw(id: string, version: number): void {
    if (this.stale(id, version)) this.read.set(id, version);
  }

  /** Whether the alert's line as held is older than `version` (or was never read). */
  private stale(id: string, version: number): boolean {
    return (this.read.get(id) ?? -1) < version;
  }
}

/**
 * The queue in `order`, each line the changed one if it came, else the one held. If some lines are
 * in neither (alerts this page has not heard of yet), their ids, with the lines that came.
 */
export function merge(
  held: readonly AlertQueueItem[],
  { order, items }: AlertQueueChanges,
): AlertQueueItem[] | { missing: string[]; items: AlertQueueItem[] } {
  const byId = new Map(held.map((item) => [item.alert.id, item]));
  for (const item of items) byId.set(item.alert.id, item);
  const next: AlertQueueItem[] = [];
  const missing: string[] = [];
  for (const id of order) {
    const item = byId.get(id);
    if (item) next.push(item);
    else missing.push(id);
  }
  return missing.length === 0 ? next : { missing, items };
}
