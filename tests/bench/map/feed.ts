import { offsetM } from '../../../shared/geo/distance';
import type { FixTuple, MapClient } from '../../../shared/domain/map';
import { buildWorld } from '../../../electron/core/simulator/world';
import { rngFrom } from '../../../electron/core/simulator/rng';

/**
 * The benchmark's clients: the training world's people at their homes (so they crowd Rīga as
 * the real caseload does), each taking a step of up to 30 m once per second. A second's moves
 * go out in `batchesPerSecond` batches, as the core's live feed coalesces them.
 */
export class BenchFeed {
  readonly clients: MapClient[];
  private readonly positions: { lat: number; lon: number }[];
  private readonly rng = rngFrom(20_151);
  private next = 0;

  constructor(
    count: number,
    private readonly batchesPerSecond: number,
  ) {
    const world = buildWorld(2015, count, new Date());
    const now = Date.now();
    this.positions = world.clients.map((client) => ({ ...client.home }));
    this.clients = world.clients.map((client, i) => ({
      id: client.record.id,
      name: client.record.displayName,
      caseNumber: client.record.caseNumber,
      riskLevel: client.record.riskLevel,
      status: client.record.status,
      fix: [client.record.id, this.positions[i]!.lat, this.positions[i]!.lon, now, 8, 0],
    }));
  }

  /** The next batch: the next slice of clients, each moved one step, stamped now. */
  batch(): FixTuple[] {
    const size = Math.ceil(this.clients.length / this.batchesPerSecond);
    const fixes: FixTuple[] = [];
    const at = Date.now();
    for (let n = 0; n < size; n += 1) {
      const i = this.next;
      this.next = (this.next + 1) % this.clients.length;
      const moved = offsetM(this.positions[i]!, this.rng() * 360, this.rng() * 30);
      this.positions[i] = moved;
      fixes.push([this.clients[i]!.id, moved.lat, moved.lon, at, 8, 4]);
    }
    return fixes;
  }
}
