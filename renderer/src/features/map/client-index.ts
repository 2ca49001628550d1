import { bearingDeg } from '../../../../shared/geo/distance';
import type { AlertMark, FixTuple, MapClient } from '../../../../shared/domain/map';
import { ClusterCache } from './client-clusters';

/** A fix older than this is drawn as stale: the device has not been heard from. */
export const STALE_AFTER_MS = 15 * 60_000;
/** Below this zoom the map shows clusters; from it on, every client. */
export const CLUSTER_UNTIL_ZOOM = 13;

export type PointState = 'critical' | 'alert' | 'stale' | 'ok';

/** One client as the map layer holds it; updated in place as fixes arrive. */
export interface ClientPoint {
  id: string;
  name: string;
  caseNumber: string;
  highRisk: boolean;
  lat: number;
  lon: number;
  at: number;
  accuracyM: number;
  speedKmh: number | null;
  /** Degrees clockwise from north, from the previous fix; null until the client has moved. */
  heading: number | null;
  /** Its place among the points, in the order they are held: the stacking on the map. */
  order: number;
}

export interface Cluster {
  lat: number;
  lon: number;
  count: number;
  /** The worst state among its clients. */
  state: PointState;
}

const RANK: Record<PointState, number> = { critical: 0, alert: 1, stale: 2, ok: 3 };

/**
 * The map's model of every client: positions, open alerts per client, and clusters. Pure (no
 * Leaflet, no DOM), so the drawing layer stays thin and this is tested on its own. Updates change
 * the held objects in place and mark the index dirty; clusters are rebuilt only when asked for
 * after a change.
 */
export class ClientIndex {
  readonly points = new Map<string, ClientPoint>();
  /** Clients known but without a fix yet (not drawable until their first fix arrives). */
  readonly unplaced = new Map<string, MapClient>();
  private readonly open = new Map<string, Map<string, AlertMark['severity']>>();
  private readonly clustered = new ClusterCache<ClientPoint>(CLUSTER_UNTIL_ZOOM - 1);
  private version = 0;
  /** Clients moved (or placed) since the drawing layer last asked: it redraws only those. */
  private moved = new Set<string>();
  /** Bumped by every load: whatever was drawn from the earlier one is void. */
  generation = 0;
  private placed = 0;

  load(clients: readonly MapClient[], alerts: readonly AlertMark[]): void {
    this.points.clear();
    this.unplaced.clear();
    this.open.clear();
    for (const client of clients) {
      if (client.fix) this.place(client, client.fix);
      else this.unplaced.set(client.id, client);
    }
    this.applyAlerts(alerts);
    this.version += 1;
    this.generation += 1;
    this.moved.clear();
  }

  /** The clients moved since the last call. */
  takeMoved(): Set<string> {
    const moved = this.moved;
    this.moved = new Set();
    return moved;
  }

  /** Newer fixes move their clients; older or unknown ones are ignored. Returns how many moved. */
  applyFixes(fixes: readonly FixTuple[]): number {
    let moved = 0;
    for (const fix of fixes) {
      const [id, lat, lon, at, accuracyM, speedKmh] = fix;
      const waiting = this.unplaced.get(id);
      if (waiting) {
        this.unplaced.delete(id);
        this.place(waiting, fix);
        this.moved.add(id);
        moved += 1;
        continue;
      }
      const point = this.points.get(id);
      if (!point || at <= point.at) continue;
      if (lat !== point.lat || lon !== point.lon) point.heading = bearingDeg(point, { lat, lon });
      point.lat = lat;
      point.lon = lon;
      point.at = at;
      point.accuracyM = accuracyM;
      point.speedKmh = speedKmh;
      this.moved.add(id);
      moved += 1;
    }
    if (moved > 0) this.version += 1;
    return moved;
  }

  private place(client: MapClient, [, lat, lon, at, accuracyM, speedKmh]: FixTuple): void {
    this.points.set(client.id, {
      id: client.id,
      name: client.name,
      caseNumber: client.caseNumber,
      highRisk: client.riskLevel === 'high' || client.riskLevel === 'very_high',
      lat,
      lon,
      at,
      accuracyM,
      speedKmh,
      heading: null,
      order: this.placed++,
    });
  }

  applyAlerts(alerts: readonly AlertMark[]): void {
    for (const alert of alerts) {
      const held = this.open.get(alert.clientId) ?? new Map<string, AlertMark['severity']>();
      if (alert.state === 'resolved') held.delete(alert.id);
      else held.set(alert.id, alert.severity);
      if (held.size > 0) this.open.set(alert.clientId, held);
      else this.open.delete(alert.clientId);
    }
    this.version += 1;
  }

  stateOf(point: ClientPoint, now: number): PointState {
    const alerts = this.open.get(point.id);
    if (alerts) return [...alerts.values()].includes('critical') ? 'critical' : 'alert';
    return now - point.at > STALE_AFTER_MS ? 'stale' : 'ok';
  }

  /** Clients with an open alert, worst first (then by name): for next/previous. */
  withAlerts(now: number): ClientPoint[] {
    return [...this.open.keys()]
      .map((id) => this.points.get(id))
      .filter((point): point is ClientPoint => point !== undefined)
      .sort(
        (a, b) =>
          RANK[this.stateOf(a, now)] - RANK[this.stateOf(b, now)] || a.name.localeCompare(b.name),
      );
  }

  /** Clusters (and single clients, count 1) in a box at a zoom below CLUSTER_UNTIL_ZOOM. */
  clusters(
    west: number,
    south: number,
    east: number,
    north: number,
    zoom: number,
    now: number,
  ): Cluster[] {
    return this.clustered
      .clusters(
        () => this.points.values(),
        this.version,
        (point) => RANK[this.stateOf(point, now)],
        [west, south, east, north],
        zoom,
      )
      .map(({ lat, lon, count, rank }) => ({ lat, lon, count, state: stateOfRank(rank) }));
  }

  /** Clients matching a search by name or case number, best first. */
  search(query: string, limit = 8): ClientPoint[] {
    const q = query.trim().toLowerCase();
    if (q === '') return [];
    const hits: ClientPoint[] = [];
    for (const point of this.points.values()) {
      if (point.name.toLowerCase().includes(q) || point.caseNumber.toLowerCase().includes(q))
        hits.push(point);
    }
    return hits
      .sort(
        (a, b) =>
          Number(!a.name.toLowerCase().startsWith(q)) -
            Number(!b.name.toLowerCase().startsWith(q)) || a.name.localeCompare(b.name),
      )
      .slice(0, limit);
  }
}

function stateOfRank(rank: number): PointState {
  return (Object.keys(RANK) as PointState[]).find((state) => RANK[state] === rank) ?? 'ok';
}
