import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/domain/app-info';
import type { ConnectionState } from '../../../shared/domain/connection';
import type { SessionState } from '../../../shared/domain/session';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { api, isBridgeUp, onBridgeChange } from '../api';
import { changeLanguage } from './i18n';

export interface ConsoleState {
  info: AppInfo;
  settings: Settings;
  connection: ConnectionState;
  session: SessionState;
  /** False while the page cannot reach the console core (headless bridge down). */
  bridgeUp: boolean;
  updateSettings(patch: SettingsPatch): Promise<void>;
}

export interface InitialConsoleState {
  info: AppInfo;
  settings: Settings;
  connection: ConnectionState;
  session: SessionState;
}

const ConsoleContext = createContext<ConsoleState | null>(null);

/** Keeps the shell's view of settings and connection in step with the core's events. */
export function ConsoleProvider({
  initial,
  children,
}: {
  initial: InitialConsoleState;
  children: ReactNode;
}) {
  const [settings, setSettings] = useState(initial.settings);
  const [connection, setConnection] = useState(initial.connection);
  const [session, setSession] = useState(initial.session);
  const [bridgeUp, setBridgeUp] = useState(isBridgeUp());

  useEffect(() => api.on('settings.changed', setSettings), []);
  useEffect(() => api.on('connection.state', setConnection), []);
  useEffect(() => api.on('session.changed', setSession), []);
  useEffect(() => onBridgeChange(setBridgeUp), []);
  useEffect(() => {
    void changeLanguage(settings.language);
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.language, settings.theme]);

  const value = useMemo<ConsoleState>(
    () => ({
      info: initial.info,
      settings,
      connection,
      session,
      bridgeUp,
      updateSettings: async (patch) => setSettings(await api.settings.set(patch)),
    }),
    [initial.info, settings, connection, session, bridgeUp],
  );
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext);
  if (!state) throw new Error('useConsole outside ConsoleProvider');
  return state;
}
