import Supercluster from 'supercluster';

/** A cluster of points (count 1: a single point), with the lowest rank among them. */
export interface RankedCluster {
  lat: number;
  lon: number;
  count: number;
  rank: number;
}

type Box = [west: number, south: number, east: number, north: number];

/**
 * The overview's clusters, each carrying the lowest rank (the worst state) of its points, worked
 * out as the clusters are built (reduce). Built again only when the points' version has changed
 * since: the overview draws from it every frame.
 */
export class ClusterCache<P extends { lat: number; lon: number }> {
  private index: Supercluster<{ rank: number }, { rank: number }> | null = null;
  private builtAt = -1;

  /** Points are clustered up to `maxZoom`; above it each is its own. */
  constructor(private readonly maxZoom: number) {}

  clusters(
    points: () => Iterable<P>,
    version: number,
    rankOf: (point: P) => number,
    box: Box,
    zoom: number,
  ): RankedCluster[] {
    if (this.builtAt !== version || !this.index) {
      this.index = new Supercluster<{ rank: number }, { rank: number }>({
        radius: 48,
        maxZoom: this.maxZoom,
        map: (props) => ({ rank: props.rank }),
        reduce: (acc, props) => {
          acc.rank = Math.min(acc.rank, props.rank);
        },
      });
      this.index.load(
        Array.from(points(), (point) => ({
          type: 'Feature' as const,
          properties: { rank: rankOf(point) },
          geometry: { type: 'Point' as const, coordinates: [point.lon, point.lat] },
        })),
      );
      this.builtAt = version;
    }
    return this.index.getClusters(box, Math.floor(zoom)).map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { cluster?: boolean; point_count?: number; rank: number };
      return { lat, lon, count: props.cluster ? (props.point_count ?? 0) : 1, rank: props.rank };
    });
  }
}
