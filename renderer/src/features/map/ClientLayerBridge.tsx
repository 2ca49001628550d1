import type L from 'leaflet';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { ClientIndex } from './client-index';
import { probe } from '../../app/probe';
import { ClientLayer } from './client-layer';
import { useMapPalette } from './map-palette';

/** Puts the canvas layer on the map and turns clicks into a selection. */
export function ClientLayerBridge({
  onLayer,
  index,
  onPick,
  onMove,
}: {
  onLayer(layer: ClientLayer | null): void;
  index: ClientIndex;
  onPick(id: string): void;
  onMove(): void;
}) {
  const map = useMap();
  const pick = useEffectEvent(onPick);
  const move = useEffectEvent(onMove);
  const announce = useEffectEvent(onLayer);
  const palette = useMapPalette();
  const paletteNow = useEffectEvent(() => palette);
  const layer = useRef<ClientLayer | null>(null);
  useEffect(() => layer.current?.setPalette(palette), [palette]);
  useEffect(() => {
    const created = new ClientLayer(index);
    created.setPalette(paletteNow());
    if (probe.on) created.onDrawn = () => probe.drawn();
    layer.current = created;
    created.addTo(map);
    announce(created);
    // Where the map looks, on its element: what a test of "follow" reads.
    const container = map.getContainer();
    const onMoved = (): void => {
      const centre = map.getCenter();
      container.dataset.center = `${centre.lat.toFixed(6)},${centre.lng.toFixed(6)}`;
      container.dataset.zoom = String(map.getZoom());
    };
    onMoved();
    map.on('moveend', onMoved);
    const onClick = (event: L.LeafletMouseEvent): void => {
      const id = created.clientAt(event.containerPoint);
      if (id) pick(id);
    };
    const onDrag = (): void => move();
    map.on('click', onClick);
    map.on('dragstart', onDrag);
    return () => {
      map.off('click', onClick);
      map.off('dragstart', onDrag);
      map.off('moveend', onMoved);
      created.remove();
      layer.current = null;
      announce(null);
    };
  }, [map, index]);
  return null;
}
