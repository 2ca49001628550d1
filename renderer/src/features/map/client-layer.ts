import L from 'leaflet';
import { CLUSTER_UNTIL_ZOOM, type ClientIndex } from './client-index';
import { ClientPainter } from './client-painter';
import type { MapPalette } from './map-colors';
import { containerProjection } from './canvas-view';

const CLIENTS_PANE = 'clients';

/** Without fixes arriving, clients' looks are checked this often (a fix goes stale with time). */
const LOOK_AGAIN_EVERY_MS = 5000;

/**
 * Every client on one canvas (not a DOM marker each): clusters below CLUSTER_UNTIL_ZOOM, single
 * clients from there on, with a ring for high risk, a heading tick for clients on the move and
 * the selected client highlighted. Changes only mark the layer dirty; it redraws once per frame,
 * through its ClientPainter (which draws only what changed where it can); the view moving, the
 * theme or the selection changing draw it whole. This class is the canvas's place on the map.
 */
export class ClientLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame = 0;
  private clock: ReturnType<typeof setInterval> | undefined;
  private readonly painter: ClientPainter;
  private readonly frames = { whole: 0, changes: 0 };
  /** Called after each draw with how many events it covered (for the update-latency figure). */
  onDrawn: ((drawnAt: number) => void) | null = null;

  constructor(
    private readonly index: ClientIndex,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.painter = new ClientPainter(index);
  }

  /** Highlights a client (or none). */
  select(id: string | null): void {
    this.painter.select(id);
    this.redraw();
  }

  /** The theme's colours: sprites are drawn afresh in them. */
  setPalette(palette: MapPalette): void {
    if (this.painter.setPalette(palette)) this.redraw();
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'client-layer') as HTMLCanvasElement;
    this.canvas.style.pointerEvents = 'none';
    // A pane of its own above the zones' and basemap's canvases, whichever is created first.
    const pane = map.getPane(CLIENTS_PANE) ?? map.createPane(CLIENTS_PANE);
    pane.style.zIndex = '450';
    pane.appendChild(this.canvas);
    map.on('moveend zoomend resize', this.invalidate, this);
    map.on('zoomstart', this.hide, this);
    // A client's look also changes with time alone (a fix going stale): looked at now and then.
    this.clock = setInterval(() => this.redraw(), LOOK_AGAIN_EVERY_MS);
    this.invalidate();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize', this.invalidate, this);
    map.off('zoomstart', this.hide, this);
    clearInterval(this.clock);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Clients moved or changed: draw what changed on the next frame (many changes draw once). */
  redraw(): this {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
    return this;
  }

  /** The view, theme or selection changed: draw everything on the next frame. */
  invalidate(): void {
    this.painter.forget();
    this.redraw();
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

  private hide(): void {
    if (this.canvas) this.canvas.style.visibility = 'hidden';
  }

  private draw(): void {
    this.frame = 0;
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const drawn = this.painter.paint(canvas, map, this.index.takeMoved(), this.now());
    // How it drew, on its element: what a test of drawing only the changes reads.
    this.frames[drawn] += 1;
    canvas.dataset.frames = `${this.frames.whole} whole, ${this.frames.changes} changes`;
    this.onDrawn?.(performance.now());
  }
}
