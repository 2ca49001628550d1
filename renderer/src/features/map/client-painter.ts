import L from 'leaflet';
import { CLUSTER_UNTIL_ZOOM, type ClientIndex, type ClientPoint } from './client-index';
import { ClientSprites, type Sprite } from './client-sprites';
import { DARK_PALETTE, type MapPalette } from './map-colors';
import { projection, within, type CanvasView } from './canvas-view';
import { drawClusters } from './cluster-dots';
import { ringBox, ringCentre, strokeRing } from './selection-ring';
import { SpriteFrame, type Box } from './sprite-frame';

/** Past this many changed boxes a frame is drawn whole: cheaper than clipping to them all. */
const MAX_DIRTY_BOXES = 600;

/**
 * What the clients' canvas shows, and how each frame draws it: clusters below CLUSTER_UNTIL_ZOOM,
 * single clients from there on, with the selected client's ring over everything. In street view
 * a frame after fixes redraws only where clients moved or changed look (see SpriteFrame); a new
 * view, theme or selection draws it whole.
 */
export class ClientPainter {
  private sprites: ClientSprites | null = null;
  private palette: MapPalette = DARK_PALETTE;
  private selected: string | null = null;
  /** The sprites on the canvas, and the projection they were drawn in (null: draw whole). */
  private readonly drawn = new SpriteFrame();
  private drawnView: CanvasView | null = null;
  /** Where the selected client's ring was last drawn (device pixels). */
  private ringDrawn: Box | null = null;

  constructor(private readonly index: ClientIndex) {}

  /** The next frame draws everything: the view changed. */
  forget(): void {
    this.drawnView = null;
  }

  select(id: string | null): void {
    this.selected = id;
    this.forget();
  }

  /** The theme's colours: sprites are drawn afresh in them. False if they were these already. */
  setPalette(palette: MapPalette): boolean {
    if (palette === this.palette) return false;
    this.palette = palette;
    this.sprites = null;
    this.forget();
    return true;
  }

  /** Draws the frame: only what changed since the last one where it can. Says which it drew. */
  paint(
    canvas: HTMLCanvasElement,
    map: L.Map,
    moved: ReadonlySet<string>,
    now: number,
  ): 'whole' | 'changes' {
    const ratio = window.devicePixelRatio || 1;
    if (this.sprites?.ratio !== ratio) {
      this.sprites = new ClientSprites(ratio, this.palette);
      this.drawnView = null;
    }
    const ctx = canvas.getContext('2d')!;
    const view = this.drawnView;
    // Each move dirties up to two boxes: past the limit, not even worth sorting out (a catch-up,
    // or every client moving at once).
    const drawnChanges =
      view !== null &&
      view.generation === this.index.generation &&
      moved.size * 2 <= MAX_DIRTY_BOXES &&
      this.drawChanges(ctx, view, moved, now);
    if (drawnChanges) return 'changes';
    this.drawWhole(ctx, canvas, map, now);
    return 'whole';
  }

  /** Clears the canvas, places it over the view and draws every client in it. */
  private drawWhole(
    ctx: CanvasRenderingContext2D,
    canvas: HTMLCanvasElement,
    map: L.Map,
    now: number,
  ): void {
    const size = map.getSize();
    const sprites = this.sprites!;
    const ratio = sprites.ratio;
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    canvas.style.visibility = 'visible';
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    this.drawn.clear();
    this.drawnView = null;
    this.ringDrawn = null;
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.1);
    const view: CanvasView = {
      origin: topLeft.add(map.getPixelOrigin()),
      zoom,
      bounds,
      generation: this.index.generation,
    };
    if (zoom < CLUSTER_UNTIL_ZOOM) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawClusters(ctx, map, this.index, bounds, now, this.palette);
      this.drawRing(ctx, view);
      return;
    }
    const toContainer = projection(view);
    const unused: Box[] = [];
    for (const client of this.index.points.values()) {
      if (!within(bounds, client)) continue;
      const look = this.lookOf(client, now);
      const { x, y } = toContainer(client.lat, client.lon);
      const box = sprites.boxAt(look, x, y);
      this.drawn.put(client.id, look.key, box, client.order, unused);
      ctx.drawImage(look.image, box.x, box.y);
    }
    this.drawRing(ctx, view);
    this.drawnView = view;
  }

  /**
   * Draws only what changed since the last frame, in the projection that frame was drawn in (a
   * drag moves the canvas with the map; its end draws whole): the clients that moved, and those
   * whose look changed (an alert raised or cleared, a fix gone stale).
   */
  private drawChanges(
    ctx: CanvasRenderingContext2D,
    view: CanvasView,
    moved: ReadonlySet<string>,
    now: number,
  ): boolean {
    const sprites = this.sprites!;
    const toContainer = projection(view);
    const dirty: Box[] = [];
    const place = (client: ClientPoint, look: Sprite): void => {
      const { x, y } = toContainer(client.lat, client.lon);
      this.drawn.put(client.id, look.key, sprites.boxAt(look, x, y), client.order, dirty);
    };
    for (const id of moved) {
      const client = this.index.points.get(id);
      if (client && within(view.bounds, client)) place(client, this.lookOf(client, now));
      else this.drawn.remove(id, dirty);
    }
    for (const placed of this.drawn.all()) {
      const client = this.index.points.get(placed.id);
      const look = client && this.lookOf(client, now);
      if (look && look.key !== placed.key) place(client, look);
    }
    // The selected client's ring is larger than their mark: where it was and where it goes.
    const selected = this.selected ? this.index.points.get(this.selected) : undefined;
    if (selected && moved.has(selected.id)) {
      if (this.ringDrawn) dirty.push(this.ringDrawn);
      dirty.push(this.ringBox(view, selected));
    }
    if (dirty.length === 0) return true;
    if (dirty.length > MAX_DIRTY_BOXES) return false;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const box of dirty) ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip();
    for (const box of dirty) ctx.clearRect(box.x, box.y, box.w, box.h);
    for (const placed of this.drawn.under(dirty))
      ctx.drawImage(sprites.imageOf(placed.key), placed.x, placed.y);
    // The ring goes back on top wherever it was cleared (it is drawn last in a whole frame too).
    this.drawRing(ctx, view);
    ctx.restore();
    return true;
  }

  private lookOf(client: ClientPoint, now: number): Sprite {
    return this.sprites!.look(this.index.stateOf(client, now), client.highRisk, client.heading);
  }

  /** The selected client's ring, over everything; where it went is kept for its next move. */
  private drawRing(ctx: CanvasRenderingContext2D, view: CanvasView): void {
    const client = this.selected ? this.index.points.get(this.selected) : undefined;
    this.ringDrawn = client ? this.ringBox(view, client) : null;
    if (!client) return;
    strokeRing(ctx, this.ringCentre(view, client), this.sprites!.ratio, this.palette.selected);
  }

  private ringBox(view: CanvasView, client: ClientPoint): Box {
    return ringBox(this.ringCentre(view, client), this.sprites!.ratio);
  }

  private ringCentre(view: CanvasView, client: ClientPoint): { x: number; y: number } {
    const { x, y } = projection(view)(client.lat, client.lon);
    return ringCentre(x, y, this.sprites!.ratio);
  }
}
