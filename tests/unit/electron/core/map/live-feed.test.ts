import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FixTuple } from '../../../../../shared/domain/map';
import { EventBus } from '../../../../../electron/core/events/event-bus';
import { FLUSH_EVERY_MS, LiveFeed } from '../../../../../electron/core/map/live-feed';

const fix = (clientId: string, at: number): FixTuple => [clientId, 56.9, 24.1, at, 8, null];

function feedWithLog() {
  const bus = new EventBus();
  const heard: { event: string; payload: unknown; at: number }[] = [];
  bus.subscribe((event, payload) => heard.push({ event, payload, at: Date.now() }));
  return { feed: new LiveFeed(bus), heard };
}

describe('LiveFeed', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the first change after a quiet spell at once, then at most one message a period', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { feed, heard } = feedWithLog();
    feed.batchApplied({ fixes: [fix('C-1', 1)], others: [] });
    vi.advanceTimersByTime(0);
    expect(heard.map((h) => h.event)).toEqual(['map.fixes']);

    // Three batches within the next period: one message, the newest fix of each client in it.
    vi.advanceTimersByTime(10);
    feed.batchApplied({ fixes: [fix('C-1', 3), fix('C-2', 2)], others: [] });
    vi.advanceTimersByTime(10);
    feed.batchApplied({ fixes: [fix('C-1', 2)], others: [] }); // older than the one held
    feed.batchApplied({ fixes: [fix('C-3', 5)], others: [] });
    vi.advanceTimersByTime(FLUSH_EVERY_MS - 21);
    expect(heard).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heard).toHaveLength(2);
    expect(heard[1]!.at - heard[0]!.at).toBe(FLUSH_EVERY_MS);
    expect(heard[1]!.payload).toEqual({ fixes: [fix('C-1', 3), fix('C-2', 2), fix('C-3', 5)] });

    // A batch a whole period after the last message goes at once again.
    vi.advanceTimersByTime(FLUSH_EVERY_MS);
    feed.batchApplied({ fixes: [fix('C-4', 9)], others: [] });
    vi.advanceTimersByTime(0);
    expect(heard).toHaveLength(3);
  });

  it('coalesces an alert changed several times into its latest state, with the fixes of the moment', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { feed, heard } = feedWithLog();
    feed.batchApplied({ fixes: [fix('C-1', 1)], others: [] });
    vi.advanceTimersByTime(0);
    const alert = (state: string, version: number) => ({
      type: 'alert' as const,
      seq: version,
      data: {
        id: 'A-1',
        clientId: 'C-1',
        severity: 'high',
        state,
        type: 'strap_tamper',
        position: null,
        version,
      },
    });
    feed.applied([alert('open', 1), alert('claimed', 2)] as never);
    feed.batchApplied({ fixes: [fix('C-1', 2)], others: [] });
    vi.advanceTimersByTime(FLUSH_EVERY_MS);
    expect(heard.map((h) => h.event)).toEqual(['map.fixes', 'map.fixes', 'alerts.changed']);
    expect(heard[2]!.payload).toEqual({
      alerts: [
        {
          id: 'A-1',
          version: 2,
          clientId: 'C-1',
          severity: 'high',
          state: 'claimed',
          type: 'strap_tamper',
          position: null,
        },
      ],
      acted: [],
    });
  });
});
