import { createContext, useContext, type ReactNode } from 'react';
import type { OutboxView } from '../../../shared/domain/outbox';
import { api } from '../api';
import { useLive } from '../api/use-live';

const OutboxContext = createContext<OutboxView>({ items: [] });

/** The operator's actions still waiting or refused: one subscription for the whole shell. */
export function OutboxProvider({ children }: { children: ReactNode }) {
  const { value } = useLive(() => api.outbox.list({}), ['outbox.changed'], []);
  return <OutboxContext value={value ?? { items: [] }}>{children}</OutboxContext>;
}

/** The outbox as the core last announced it. */
export const useOutbox = (): OutboxView => useContext(OutboxContext);
