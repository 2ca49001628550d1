import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { currentLink, type Link } from '../../app/routes';
import type { ClientIndex } from './client-index';

/** What the selection does to the map; the page owns the layer and the map. */
export interface MapView {
  /** Marks a client (or none) on the canvas layer. */
  mark(id: string | null): void;
  /** Brings the map to a position at street zoom at least. */
  centre(lat: number, lon: number): void;
  /** Moves the map to a position without animation (following). */
  pan(lat: number, lon: number): void;
}

type MapLink = Extract<Link, { route: 'map' }>;
const linkFromHash = (): MapLink => currentLink('map') ?? { route: 'map' };

/**
 * Which client is selected and followed, kept in step with the canvas layer, the map's view and
 * links (`#/map?client=ID`, with `&at=LAT,LON` for where an alert happened).
 */
export function useMapSelection(index: ClientIndex, loaded: boolean, view: MapView) {
  const [initialLink] = useState(linkFromHash);
  const [selected, setSelected] = useState<string | null>(initialLink.client ?? null);
  const [following, setFollowing] = useState(false);

  /** Marks a client on the layer and, if asked, brings the map to them (no React state). */
  const show = useCallback(
    (id: string | null, centre: boolean) => {
      view.mark(id);
      const point = id ? index.points.get(id) : undefined;
      if (centre && point) view.centre(point.lat, point.lon);
    },
    [index, view],
  );
  const select = useCallback(
    (id: string | null, centre = true) => {
      setSelected(id);
      show(id, centre);
    },
    [show],
  );

  // Follow: keep the selected client centred as their fixes arrive.
  useEffect(() => {
    if (!following || !selected) return;
    return api.on('map.fixes', ({ fixes }) => {
      const mine = fixes.find((fix) => fix[0] === selected);
      if (mine) view.pan(mine[1], mine[2]);
    });
  }, [following, selected, view]);

  // A link selects and centres on its client, or on where its alert happened.
  const place = useCallback(
    (link: MapLink) => {
      if (!link.client) return;
      show(link.client, link.at === undefined);
      if (link.at) view.centre(link.at[0], link.at[1]);
    },
    [show, view],
  );
  useEffect(() => {
    const onHash = (): void => {
      const link = linkFromHash();
      if (link.client) setSelected(link.client);
      place(link);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [place]);
  useEffect(() => {
    if (loaded) place(initialLink);
  }, [loaded, initialLink, place]);

  return { selected, select, following, setFollowing };
}
