import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from './index';
import { LiveQuery, type LiveState, type Trigger } from './live-query';

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * The one way a page fetches from the core: `load` now and on each trigger (see LiveQuery), with
 * errors kept for the page to show. `deps` say when `load` asks for something else: a new query
 * replaces the old one then (React's pattern for state that follows props).
 */
export function useLive<T>(
  load: () => Promise<T>,
  triggers: readonly Trigger[],
  deps: readonly unknown[],
  options: { everyMs?: number } = {},
): LiveState<T> & { reload(): void } {
  const make = () => ({
    deps,
    query: new LiveQuery(load, triggers, api.on, options.everyMs ?? null),
  });
  const [held, setHeld] = useState(make);
  let current = held;
  if (!sameDeps(held.deps, deps)) {
    current = make();
    setHeld(current);
  }
  const { query } = current;
  useEffect(() => {
    query.start();
    return () => query.stop();
  }, [query]);
  const state = useSyncExternalStore(
    (listener) => query.subscribe(listener),
    () => query.get(),
  );
  return { ...state, reload: () => query.reload() };
}
