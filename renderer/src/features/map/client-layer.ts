import L from 'leaflet';
import { CLUSTER_UNTIL_ZOOM, type ClientIndex } from './client-index';
import { ClientSprites } from './client-sprites';
import { DARK_PALETTE, type MapPalette } from './map-colors';
import { worldPixel } from './mercator';

const CLIENTS_PANE = 'clients';

/**
 * Every client on one canvas (not a DOM marker each): clusters below CLUSTER_UNTIL_ZOOM, single
 * clients from there on, with a ring for high risk, a heading tick for clients on the move and
 * the selected client highlighted. Changes only mark the layer dirty; it redraws once per frame.
 */
export class ClientLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame = 0;
  private sprites: ClientSprites | null = null;
  private palette: MapPalette = DARK_PALETTE;
  selectedId: string | null = null;
  /** Called after each draw with how many events it covered (for the update-latency figure). */
  onDrawn: ((drawnAt: number) => void) | null = null;

  constructor(
    private readonly index: ClientIndex,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** The theme's colours: sprites are drawn afresh in them. */
  setPalette(palette: MapPalette): void {
    if (palette === this.palette) return;
    this.palette = palette;
    this.sprites = null;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'client-layer') as HTMLCanvasElement;
    this.canvas.style.pointerEvents = 'none';
    // A pane of its own above the zones' and basemap's canvases, whichever is created first.
    const pane = map.getPane(CLIENTS_PANE) ?? map.createPane(CLIENTS_PANE);
    pane.style.zIndex = '450';
    pane.appendChild(this.canvas);
    map.on('moveend zoomend resize', this.redraw, this);
    map.on('zoomstart', this.hide, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize', this.redraw, this);
    map.off('zoomstart', this.hide, this);
    cancelAnimationFrame(this.frame);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Something changed: draw on the next frame (many changes in one frame draw once). */
  redraw(): this {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
    return this;
  }

  /** The client drawn nearest to a container point, within `radius` pixels. */
  clientAt(point: L.Point, radius = 10): string | null {
    const map = this._map;
    if (!map || map.getZoom() < CLUSTER_UNTIL_ZOOM) return null;
    let best: string | null = null;
    let bestDistance = radius * radius;
    const toContainer = containerProjection(map);
    for (const client of this.index.points.values()) {
      const p = toContainer(client.lat, client.lon);
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = client.id;
      }
    }
    return best;
  }

  /** Every client in view, each a pre-drawn sprite (see ClientSprites). */
  private drawClients(
    ctx: CanvasRenderingContext2D,
    map: L.Map,
    bounds: L.LatLngBounds,
    now: number,
  ): void {
    const west = bounds.getWest();
    const east = bounds.getEast();
    const south = bounds.getSouth();
    const north = bounds.getNorth();
    const ratio = window.devicePixelRatio || 1;
    if (this.sprites?.ratio !== ratio) this.sprites = new ClientSprites(ratio, this.palette);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const toContainer = containerProjection(map);
    for (const client of this.index.points.values()) {
      if (client.lat < south || client.lat > north || client.lon < west || client.lon > east)
        continue;
      const { x, y } = toContainer(client.lat, client.lon);
      const state = this.index.stateOf(client, now);
      this.sprites.draw(ctx, x, y, state, client.highRisk, client.heading);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  private hide(): void {
    if (this.canvas) this.canvas.style.visibility = 'hidden';
  }

  private draw(): void {
    this.frame = 0;
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    canvas.style.visibility = 'visible';
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const now = this.now();
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.1);
    if (zoom < CLUSTER_UNTIL_ZOOM) {
      const clusters = this.index.clusters(
        bounds.getWest(),
        bounds.getSouth(),
        bounds.getEast(),
        bounds.getNorth(),
        zoom,
        now,
      );
      for (const cluster of clusters) {
        const p = map.latLngToContainerPoint([cluster.lat, cluster.lon]);
        drawDot(ctx, p, this.palette.state[cluster.state], cluster.count, this.palette.labelBg);
      }
    } else {
      this.drawClients(ctx, map, bounds, now);
    }
    const selected = this.selectedId ? this.index.points.get(this.selectedId) : undefined;
    if (selected) {
      const p = map.latLngToContainerPoint([selected.lat, selected.lon]);
      ctx.strokeStyle = this.palette.selected;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(p.x, p.y, 13, 0, Math.PI * 2);
      ctx.stroke();
    }
    this.onDrawn?.(performance.now());
  }
}

/** Container pixels of a position in the map's current view, without Leaflet's allocations. */
function containerProjection(map: L.Map): (lat: number, lon: number) => { x: number; y: number } {
  const zoom = map.getZoom();
  const origin = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
  return (lat, lon) => {
    const p = worldPixel(lat, lon, zoom);
    return { x: p.x - origin.x, y: p.y - origin.y };
  };
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
