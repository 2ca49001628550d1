import type L from 'leaflet';
import type { ClientIndex } from './client-index';
import type { MapPalette } from './map-colors';

/** The overview below CLUSTER_UNTIL_ZOOM: a dot per cluster, in its worst client's colour, with its count. */
export function drawClusters(
  ctx: CanvasRenderingContext2D,
  map: L.Map,
  index: ClientIndex,
  bounds: L.LatLngBounds,
  now: number,
  palette: MapPalette,
): void {
  const clusters = index.clusters(
    bounds.getWest(),
    bounds.getSouth(),
    bounds.getEast(),
    bounds.getNorth(),
    map.getZoom(),
    now,
  );
  for (const cluster of clusters) {
    const p = map.latLngToContainerPoint([cluster.lat, cluster.lon]);
    drawDot(ctx, p, palette.state[cluster.state], cluster.count, palette.labelBg);
  }
}

function drawDot(
  ctx: CanvasRenderingContext2D,
  p: L.Point,
  color: string,
  count: number,
  labelColor: string,
): void {
  const radius = count === 1 ? 5 : Math.min(26, 9 + Math.log2(count) * 2.2);
  ctx.fillStyle = color;
  ctx.globalAlpha = count === 1 ? 1 : 0.85;
  ctx.beginPath();
  ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.globalAlpha = 1;
  if (count > 1) {
    ctx.fillStyle = labelColor;
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(count), p.x, p.y);
  }
}
