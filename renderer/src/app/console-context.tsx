import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { mayCall } from '../../../shared/api/permissions';
import type { OperationName } from '../../../shared/api/registry';
import type { AppInfo } from '../../../shared/domain/app-info';
import type { SessionState } from '../../../shared/domain/session';
import {
  defaultSettings,
  ownSettingKeys,
  type CentreSettingsPatch,
  type DisplaySettings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/domain/settings';
import { api } from '../api';
import { changeLanguage } from './i18n';

export interface ConsoleState {
  info: AppInfo;
  /** Before sign-in only the display settings are known; the rest are defaults until then. */
  settings: Settings;
  /** The signed-in operator's full settings have arrived (forms may take their values). */
  settingsLoaded: boolean;
  session: SessionState;
  /** Whether the core would answer this operation for this session (the same permission table). */
  may(operation: OperationName): boolean;
  /** Saves a patch: the operator's own fields and the centre's go to their own operations. */
  updateSettings(patch: SettingsPatch & CentreSettingsPatch): Promise<void>;
  /** The language chosen on the login screen, before anyone may save it. */
  setDisplay(display: Partial<DisplaySettings>): void;
}

export interface InitialConsoleState {
  info: AppInfo;
  display: DisplaySettings;
  session: SessionState;
}

const ConsoleContext = createContext<ConsoleState | null>(null);

function split(patch: SettingsPatch & CentreSettingsPatch) {
  const own: Record<string, unknown> = {};
  const centre: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch))
    ((ownSettingKeys as readonly string[]).includes(key) ? own : centre)[key] = value;
  return { own: own as SettingsPatch, centre: centre as CentreSettingsPatch };
}

/**
 * Keeps the shell's view of settings and session in step with the core's events (the connection
 * has a context of its own: see ConnectionProvider).
 */
export function ConsoleProvider({
  initial,
  children,
}: {
  initial: InitialConsoleState;
  children: ReactNode;
}) {
  const [settings, setSettings] = useState<Settings>({ ...defaultSettings, ...initial.display });
  const [session, setSession] = useState(initial.session);
  // The session (its operator record, new at every sign-in or unlock) the settings were loaded for.
  const current = session.locked ? null : session.operator;
  const [loadedFor, setLoadedFor] = useState<object | null>(null);
  const settingsLoaded = current !== null && loadedFor === current;

  useEffect(() => api.on('settings.changed', setSettings), []);
  useEffect(
    () =>
      api.on('session.changed', (next) => {
        // Signed out: the address bar must not carry the last operator's view (a search, a
        // client's file) to whoever signs in next.
        if (next.operator === null) history.replaceState(null, '', window.location.pathname);
        setSession(next);
      }),
    [],
  );
  useEffect(() => {
    if (current === null) return;
    let live = true;
    api.settings.get().then(
      (full) => {
        if (!live) return;
        setSettings(full);
        setLoadedFor(current);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [current]);
  useEffect(() => {
    void changeLanguage(settings.language);
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.language, settings.theme]);

  const value = useMemo<ConsoleState>(
    () => ({
      info: initial.info,
      settings,
      settingsLoaded,
      session,
      may: (operation) => mayCall(operation, session),
      updateSettings: async (patch) => {
        const { own, centre } = split(patch);
        if (Object.keys(own).length > 0) setSettings(await api.settings.set(own));
        if (Object.keys(centre).length > 0) setSettings(await api.settings.setCentre(centre));
      },
      setDisplay: (display) => setSettings((current) => ({ ...current, ...display })),
    }),
    [initial.info, settings, settingsLoaded, session],
  );
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext);
  if (!state) throw new Error('useConsole outside ConsoleProvider');
  return state;
}
