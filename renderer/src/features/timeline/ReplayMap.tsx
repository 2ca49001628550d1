import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, MapContainer, useMap } from 'react-leaflet';
import type { Timeline } from '../../../../shared/domain/timeline';
import { useFormat } from '../../api/use-format';
import { Basemaps } from '../map/Basemaps';
import { ZonesLayer } from '../map/ZonesLayer';
import { useMapPalette } from '../map/map-palette';
import { fixAtTime } from './timeline-rows';
import { TrackLayer } from './TrackLayer';

/** Keeps the fix under the cursor in view as the replay runs or the list is clicked. */
function Follow({ at }: { at: [number, number] | null }) {
  const map = useMap();
  useEffect(() => {
    if (at && !map.getBounds().pad(-0.1).contains(at)) map.panTo(at, { animate: false });
  }, [map, at]);
  return null;
}

/**
 * The replay: the track, the zones as they were at the cursor (each zone's version valid then,
 * in force or not by its schedule then), and the last fix at or before the cursor with its
 * accuracy circle. Fitted to the whole track when opened.
 */
export function ReplayMap({ timeline, cursor }: { timeline: Timeline; cursor: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const palette = useMapPalette();
  const { track } = timeline;
  // Kept while the theme is: the map renders each frame of a replay.
  const style = useMemo(
    () => ({
      accuracy: { color: palette.selected, weight: 1, fillOpacity: 0.15 },
      fix: { color: palette.markOutline, weight: 2, fillColor: palette.selected, fillOpacity: 1 },
    }),
    [palette],
  );
  const bounds = useMemo(() => {
    if (track.at.length === 0) return null;
    let [s, n, w, e] = [90, -90, 180, -180];
    // Scalars in the loop: it runs over every fix, cold, as the page opens.
    for (let i = 0; i < track.at.length; i += 1) {
      const lat = track.lat[i]!;
      const lon = track.lon[i]!;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
      if (lon < w) w = lon;
      if (lon > e) e = lon;
    }
    // A client who stayed home has one spot: a box of at least ~300 m keeps the zoom finite.
    const pad = (lo: number, hi: number) => Math.max(0, 0.003 - (hi - lo)) / 2;
    const [dLat, dLon] = [pad(s, n), pad(w, e)];
    return [
      [s - dLat, w - dLon],
      [n + dLat, e + dLon],
    ] as [[number, number], [number, number]];
  }, [track]);
  const zonesThen = timeline.zones.filter(
    (z) =>
      Date.parse(z.validFrom) <= cursor && (z.validTo === null || Date.parse(z.validTo) > cursor),
  );
  const fix = fixAtTime(track.at, cursor);
  const at: [number, number] | null = fix >= 0 ? [track.lat[fix]!, track.lon[fix]!] : null;
  return (
    <div className="replay-map-box">
      <MapContainer
        bounds={
          bounds ?? [
            [56.9, 24.0],
            [57.0, 24.2],
          ]
        }
        className="replay-map"
        attributionControl={false}
      >
        <Basemaps />
        <ZonesLayer zones={zonesThen} now={new Date(cursor)} clientFlags={[]} />
        <TrackLayer track={track} />
        {at && (
          <>
            <Circle center={at} radius={track.accuracyM[fix]!} pathOptions={style.accuracy} />
            <CircleMarker center={at} radius={7} pathOptions={style.fix} />
          </>
        )}
        <Follow at={at} />
      </MapContainer>
      <p className="replay-fix" data-testid="replay-fix">
        {fix >= 0
          ? t('timeline.accuracy', {
              accuracy: Math.round(track.accuracyM[fix]!),
              age: format.timer(cursor - track.at[fix]!),
            })
          : t('timeline.noFix')}
      </p>
    </div>
  );
}
