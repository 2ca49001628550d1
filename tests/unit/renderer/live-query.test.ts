import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/registry';
import { LiveQuery } from '../../../renderer/src/api/live-query';

/** The core's event feed as the page sees it: listeners by event, each removable. */
function feed() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    listen: ((event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as ConstructorParameters<typeof LiveQuery>[2],
    emit: (event: string, payload: unknown = {}) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a live query', () => {
  it('loads at start and again on its events, only those that concern it', async () => {
    const events = feed();
    let calls = 0;
    const query = new LiveQuery(
      async () => (calls += 1),
      ['map.reload', { event: 'alerts.changed', when: (changed) => changed.acted.includes('A1') }],
      events.listen,
    );
    query.start();
    await settle();
    expect(query.get()).toEqual({ value: 1, error: null, loading: false });
    events.emit('map.reload');
    await settle();
    expect(query.get().value).toBe(2);
    events.emit('alerts.changed', { alerts: [], acted: ['A2'] });
    await settle();
    expect(query.get().value).toBe(2);
    events.emit('alerts.changed', { alerts: [], acted: ['A1'] });
    await settle();
    expect(query.get().value).toBe(3);
    query.stop();
  });

  it('keeps a failure as its error, never throws it, and clears it on the next good load', async () => {
    const events = feed();
    let fail = true;
    const query = new LiveQuery(
      async () => {
        if (fail) throw new Error('core unreachable');
        return 'ok';
      },
      ['map.reload'],
      events.listen,
    );
    query.start();
    await settle();
    expect(query.get()).toMatchObject({ value: null, loading: false });
    expect((query.get().error as Error).message).toBe('core unreachable');
    fail = false;
    events.emit('map.reload');
    await settle();
    expect(query.get()).toEqual({ value: 'ok', error: null, loading: false });
    query.stop();
  });

  it('never overlaps loads, and one more load follows a trigger that came during one', async () => {
    const events = feed();
    const started: number[] = [];
    let release: (() => void) | null = null;
    const query = new LiveQuery(
      () =>
        new Promise<number>((resolve) => {
          started.push(started.length + 1);
          release = () => resolve(started.length);
        }),
      ['map.reload'],
      events.listen,
    );
    query.start();
    events.emit('map.reload');
    events.emit('map.reload');
    expect(started).toEqual([1]);
    release!();
    await settle();
    expect(started).toEqual([1, 2]);
    release!();
    await settle();
    expect(query.get().value).toBe(2);
    query.stop();
  });

  it('unsubscribes from every event when stopped, and ignores a load that ends after', async () => {
    const events = feed();
    let release: (() => void) | null = null;
    const query = new LiveQuery(
      () => new Promise<string>((resolve) => (release = () => resolve('late'))),
      ['map.reload', 'alerts.breached'],
      events.listen,
    );
    query.start();
    expect(events.count()).toBe(2);
    const heard: unknown[] = [];
    query.subscribe(() => heard.push(query.get().value));
    query.stop();
    expect(events.count()).toBe(0);
    release!();
    await settle();
    expect(query.get().value).toBeNull();
    expect(heard).toEqual([]);
  });
});
