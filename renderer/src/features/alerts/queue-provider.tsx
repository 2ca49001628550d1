import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { probe } from '../../app/probe';
import type { Unsubscribe } from '../../../../shared/api/console-api';
import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import { useAlertQueue } from './use-alerts';

type LoadListener = (items: AlertQueueItem[]) => void;

interface QueueState {
  /** The open alerts, most urgent first (null until first loaded). */
  queue: AlertQueueItem[] | null;
  /** Why the queue could not be loaded last time (the last good one stays shown). */
  error: unknown;
  /** Hears every fresh queue as it arrives (attention compares them for new alerts). */
  onLoad(listener: LoadListener): Unsubscribe;
}

const QueueContext = createContext<QueueState>({
  queue: null,
  error: null,
  onLoad: () => () => undefined,
});

/** The one alert queue of the shell: the queue page, banners and attention all read it. */
export function AlertQueueProvider({ children }: { children: ReactNode }) {
  const [listeners] = useState(() => new Set<LoadListener>());
  const { value, error } = useAlertQueue((items) => {
    for (const listener of [...listeners]) listener(items);
  });
  // The soak benchmark's probe: when each new alert is in the queue the page shows.
  useEffect(() => {
    if (value) probe.queueShown(value.map((item) => item.alert));
  }, [value]);
  const state = useMemo<QueueState>(
    () => ({
      queue: value,
      error,
      onLoad: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
    [value, error, listeners],
  );
  return <QueueContext value={state}>{children}</QueueContext>;
}

export const useQueue = (): QueueState => useContext(QueueContext);
