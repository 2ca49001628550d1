import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionTracker } from '../../../../../electron/core/central/connection-state';
import { EventBus } from '../../../../../electron/core/events/event-bus';
import type { ConnectionState } from '../../../../../shared/domain/connection';

function tracked() {
  const bus = new EventBus();
  const announced: ConnectionState[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'connection.state') announced.push(payload as ConnectionState);
  });
  const tracker = new ConnectionTracker(bus, () => new Date(), 'http://central.test');
  return { tracker, announced };
}

describe('ConnectionTracker', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-23T08:00:00.000Z') }));
  afterEach(() => vi.useRealTimers());

  it('announces a change of status at once, with the time it changed', () => {
    const { tracker, announced } = tracked();
    vi.setSystemTime(Date.parse('2026-11-23T08:00:05.000Z'));
    tracker.update({ status: 'connecting', detail: null });
    expect(announced.map((s) => s.status)).toEqual(['connecting']);
    expect(announced[0]!.since).toBe('2026-11-23T08:00:05.000Z');
  });

  it('coalesces a catch-up of many events into a few announcements of the latest progress', () => {
    const { tracker, announced } = tracked();
    const start = Date.now();
    for (let k = 0; k < 10_000; k += 1) tracker.eventReceived(start + k / 100, 3_600_000 - k);
    // The first event changes the status (announced at once); the rest is progress.
    expect(announced.map((s) => s.status)).toEqual(['catching_up']);
    vi.advanceTimersByTime(300);
    expect(announced).toHaveLength(2);
    expect(announced[1]).toMatchObject({
      status: 'catching_up',
      behindMs: 3_600_000 - 9_999,
      lastEventAt: new Date(start + 99).toISOString(),
    });
  });

  it('reads the newest progress even before it is announced, and goes live when caught up', () => {
    const { tracker, announced } = tracked();
    tracker.eventReceived(Date.now(), 120_000);
    tracker.eventReceived(Date.now() + 5, 60_000);
    expect(tracker.get().behindMs).toBe(60_000);
    tracker.eventReceived(Date.now() + 10, null);
    expect(announced.at(-1)).toMatchObject({ status: 'connected', behindMs: null });
  });

  it('announces a new failure detail at once even when the status stays offline', () => {
    const { tracker, announced } = tracked();
    tracker.update({ status: 'offline', detail: 'connection refused' });
    tracker.update({ status: 'offline', detail: 'HTTP 503' });
    expect(announced.map((s) => s.detail)).toEqual(['connection refused', 'HTTP 503']);
  });
});
