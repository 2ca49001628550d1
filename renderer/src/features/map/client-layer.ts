import L from 'leaflet';
import { CLUSTER_UNTIL_ZOOM, type ClientIndex, type PointState } from './client-index';

export const STATE_COLORS: Record<PointState, string> = {
  critical: '#ff3b3b',
  alert: '#f0b429',
  stale: '#8b98a9',
  ok: '#3fb950',
};

/**
 * Every client on one canvas (not a DOM marker each): clusters below CLUSTER_UNTIL_ZOOM, single
 * clients from there on, with a ring for high risk, a heading tick for clients on the move and
 * the selected client highlighted. Changes only mark the layer dirty; it redraws once per frame.
 */
export class ClientLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame = 0;
  selectedId: string | null = null;
  /** Called after each draw with how many events it covered (for the update-latency figure). */
  onDrawn: ((drawnAt: number) => void) | null = null;

  constructor(
    private readonly index: ClientIndex,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'client-layer') as HTMLCanvasElement;
    this.canvas.style.pointerEvents = 'none';
    map.getPanes().overlayPane.appendChild(this.canvas);
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
    for (const client of this.index.points.values()) {
      const p = map.latLngToContainerPoint([client.lat, client.lon]);
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = client.id;
      }
    }
    return best;
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
        drawDot(ctx, p, STATE_COLORS[cluster.state], cluster.count);
      }
    } else {
      for (const client of this.index.points.values()) {
        if (!bounds.contains([client.lat, client.lon])) continue;
        const p = map.latLngToContainerPoint([client.lat, client.lon]);
        drawClient(
          ctx,
          p,
          STATE_COLORS[this.index.stateOf(client, now)],
          client.highRisk,
          client.heading,
        );
      }
    }
    const selected = this.selectedId ? this.index.points.get(this.selectedId) : undefined;
    if (selected) {
      const p = map.latLngToContainerPoint([selected.lat, selected.lon]);
      ctx.strokeStyle = '#4aa3ff';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(p.x, p.y, 13, 0, Math.PI * 2);
      ctx.stroke();
    }
    this.onDrawn?.(performance.now());
  }
}

function drawDot(ctx: CanvasRenderingContext2D, p: L.Point, color: string, count: number): void {
  const radius = count === 1 ? 5 : Math.min(26, 9 + Math.log2(count) * 2.2);
  ctx.fillStyle = color;
  ctx.globalAlpha = count === 1 ? 1 : 0.85;
  ctx.beginPath();
  ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.globalAlpha = 1;
  if (count > 1) {
    ctx.fillStyle = '#0e1116';
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(count), p.x, p.y);
  }
}

function drawClient(
  ctx: CanvasRenderingContext2D,
  p: L.Point,
  color: string,
  highRisk: boolean,
  heading: number | null,
): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(p.x, p.y, 6, 0, Math.PI * 2);
  ctx.fill();
  if (highRisk) {
    ctx.strokeStyle = '#e6edf3';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 9, 0, Math.PI * 2);
    ctx.stroke();
  }
  if (heading !== null) {
    const rad = (heading * Math.PI) / 180;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(p.x + Math.sin(rad) * 7, p.y - Math.cos(rad) * 7);
    ctx.lineTo(p.x + Math.sin(rad) * 14, p.y - Math.cos(rad) * 14);
    ctx.stroke();
  }
}
