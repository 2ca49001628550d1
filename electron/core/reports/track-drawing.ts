import type { ZoneVersion } from '../../../shared/central/records';
import type { TrackColumns } from '../../../shared/domain/timeline';
import { offsetM } from '../../../shared/geo/distance';
import { COLOUR_STEPS, timeColour } from '../../../shared/timeline/colour';
import { GAP_MS } from '../../../shared/timeline/merge';
import type { Pdf } from './pdf-document';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The track and the zones drawn to scale in a box of the page (no basemap: the file stays the
 * same wherever it is made, and shows only what the evidence says). Coloured by time in COLOUR_STEPS steps;
 * a stretch over GAP_MS without a fix is left open.
 */
export function drawTrack(doc: Pdf, box: Box, track: TrackColumns, zones: readonly ZoneVersion[]) {
  const points = Array.from(track.lat, (lat, i): [number, number] => [lat, track.lon[i]!]);
  for (const zone of zones) points.push(...zoneOutline(zone));
  if (points.length === 0) return;
  let [south, north, west, east] = [90, -90, 180, -180];
  for (const [lat, lon] of points) {
    [south, north] = [Math.min(south, lat), Math.max(north, lat)];
    [west, east] = [Math.min(west, lon), Math.max(east, lon)];
  }
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-5);
  const spanY = Math.max(north - south, 1e-5);
  const scale = Math.min(box.width / spanX, box.height / spanY) * 0.92;
  const ox = box.x + (box.width - spanX * scale) / 2;
  const oy = box.y + (box.height - spanY * scale) / 2;
  const at = (lat: number, lon: number): [number, number] => [
    ox + (lon - west) * kx * scale,
    oy + (north - lat) * scale,
  ];
  doc.save().rect(box.x, box.y, box.width, box.height).lineWidth(0.5).stroke('#999999');
  for (const zone of zones) {
    const outline = zoneOutline(zone).map(([lat, lon]) => at(lat, lon));
    doc.polygon(...outline).lineWidth(1);
    if (zone.validTo !== null) doc.dash(3, { space: 2 });
    doc.stroke(zone.kind === 'exclusion' ? '#c62828' : '#2e7d32').undash();
  }
  const n = track.at.length;
  const first = track.at[0] ?? 0;
  const span = Math.max(1, (track.at[n - 1] ?? 0) - first);
  // One path per run of a colour without a gap; a point within half a point of the last drawn
  // one adds nothing a reader can see (90 days at a fix a minute stay a few hundred KB).
  const step = (i: number) => Math.floor(((track.at[i]! - first) / span) * COLOUR_STEPS);
  let i = 1;
  while (i < n) {
    const colour = step(i);
    let last = at(track.lat[i - 1]!, track.lon[i - 1]!);
    doc.moveTo(...last);
    for (; i < n && step(i) === colour && track.at[i]! - track.at[i - 1]! <= GAP_MS; i += 1) {
      const next = at(track.lat[i]!, track.lon[i]!);
      if (Math.abs(next[0] - last[0]) + Math.abs(next[1] - last[1]) < 0.5) continue;
      doc.lineTo(...next);
      last = next;
    }
    doc.lineWidth(1.2).stroke(timeColour(colour / COLOUR_STEPS));
    if (i < n && track.at[i]! - track.at[i - 1]! > GAP_MS) i += 1;
  }
  if (n > 0) {
    doc.circle(...at(track.lat[0]!, track.lon[0]!), 2.5).fill(timeColour(0));
    doc.circle(...at(track.lat[n - 1]!, track.lon[n - 1]!), 2.5).fill(timeColour(1));
  }
  doc.restore();
}

/** A zone's outline as [lat, lon] points: a polygon's ring, a circle as 48 points. */
function zoneOutline(zone: ZoneVersion): [number, number][] {
  const g = zone.geometry;
  if (g.type === 'Circle') {
    const [lon, lat] = g.center;
    return Array.from({ length: 48 }, (_, i) => {
      const p = offsetM({ lat, lon }, (i * 360) / 48, g.radiusM);
      return [p.lat, p.lon];
    });
  }
  return (g.coordinates[0] ?? []).map(([lon, lat]) => [lat, lon]);
}
