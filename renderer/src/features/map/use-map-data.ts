import { useEffect, useEffectEvent, useState } from 'react';
import { api } from '../../api';
import { ClientIndex } from './client-index';
import { probe } from '../../app/probe';

export interface MapData {
  index: ClientIndex;
  /** Bumped on every change, for what React renders from the index (counts, panel). */
  version: number;
  loaded: boolean;
  /** Why the last snapshot could not be loaded (the index keeps what it had). */
  error: unknown;
}

/**
 * Loads the map snapshot and keeps it current from the core's live feed: fixes and alert changes
 * patch the index in place (not a reload per event: thousands of fixes a second arrive); a
 * snapshot taken by the core reloads it. The selected client's zones come with their panel.
 */
export function useMapData(onChange: () => void): MapData {
  const [index] = useState(() => new ClientIndex());
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = useEffectEvent(onChange);

  useEffect(() => {
    let live = true;
    const load = async (): Promise<void> => {
      try {
        const snapshot = await api.map.snapshot({});
        if (!live) return;
        index.load(snapshot.clients, snapshot.openAlerts);
        setLoaded(true);
        setError(null);
        setVersion((v) => v + 1);
        changed();
      } catch (failure) {
        if (live) setError(failure);
      }
    };
    void load();
    const offs = [
      api.on('map.fixes', ({ fixes }) => {
        probe.fixesApplied(fixes);
        if (index.applyFixes(fixes) > 0) changed();
      }),
      api.on('alerts.changed', ({ alerts }) => {
        index.applyAlerts(alerts);
        setVersion((v) => v + 1);
        changed();
      }),
      api.on('map.reload', () => void load()),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [index]);

  return { index, version, loaded, error };
}
