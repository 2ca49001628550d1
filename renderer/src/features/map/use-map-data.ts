import { useEffect, useEffectEvent, useState } from 'react';
import type { Zone } from '../../../../shared/central/records';
import { api } from '../../api';
import { ClientIndex } from './client-index';

export interface MapData {
  index: ClientIndex;
  zones: Map<string, Zone>;
  /** Bumped on every change, for what React renders from the index (counts, panel). */
  version: number;
  loaded: boolean;
}

/**
 * Loads the map snapshot and keeps it current from the core's live feed: fixes and alert changes
 * patch the index in place; a snapshot taken by the core reloads it.
 */
export function useMapData(onChange: () => void): MapData {
  const [index] = useState(() => new ClientIndex());
  const [zones, setZones] = useState(new Map<string, Zone>());
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const changed = useEffectEvent(onChange);

  useEffect(() => {
    let live = true;
    const load = async (): Promise<void> => {
      const snapshot = await api.map.snapshot({});
      if (!live) return;
      index.load(snapshot.clients, snapshot.openAlerts);
      setZones(new Map(snapshot.zones.map((zone) => [zone.id, zone])));
      setLoaded(true);
      setVersion((v) => v + 1);
      changed();
    };
    void load();
    const offs = [
      api.on('map.fixes', ({ fixes }) => {
        if (index.applyFixes(fixes) > 0) changed();
      }),
      api.on('alerts.changed', ({ alerts }) => {
        index.applyAlerts(alerts);
        setVersion((v) => v + 1);
        changed();
      }),
      api.on('zones.changed', ({ zones: changedZones, deleted }) =>
        setZones((held) => {
          const next = new Map(held);
          for (const zone of changedZones) next.set(zone.id, zone);
          for (const id of deleted) next.delete(id);
          return next;
        }),
      ),
      api.on('map.reload', () => void load()),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [index]);

  return { index, zones, version, loaded };
}
