import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConnectionState } from '../../../shared/domain/connection';
import { api, isBridgeUp, onBridgeChange } from '../api';

export interface ConnectionView {
  /** The console's standing with the central service, as the core last announced it. */
  connection: ConnectionState;
  /** False while the page cannot reach the console core (headless bridge down). */
  bridgeUp: boolean;
}

const ConnectionContext = createContext<ConnectionView | null>(null);

/**
 * The connection, apart from the console's settings and session: the core announces its progress
 * (last event, how far behind) up to four times a second while events flow, and even a quiet
 * service's heartbeat every 15 s. Held with the settings, it rendered every page again each time
 * (the alert queue and its detail four times a second under load); now only what shows it does.
 */
export function ConnectionProvider({
  initial,
  children,
}: {
  initial: ConnectionState;
  children: ReactNode;
}) {
  const [connection, setConnection] = useState(initial);
  const [bridgeUp, setBridgeUp] = useState(isBridgeUp());
  useEffect(() => api.on('connection.state', setConnection), []);
  useEffect(() => onBridgeChange(setBridgeUp), []);
  const value = useMemo(() => ({ connection, bridgeUp }), [connection, bridgeUp]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionView {
  const view = useContext(ConnectionContext);
  if (!view) throw new Error('useConnection outside ConnectionProvider');
  return view;
}
