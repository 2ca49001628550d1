import type { FixTuple, MapClient } from '../../../shared/domain/map';

/** What the bench's feed sends the page over its WebSocket. */
export type BenchMessage =
  | { kind: 'clients'; clients: MapClient[] }
  | { kind: 'fixes'; fixes: FixTuple[] }
  | { kind: 'start' }
  | { kind: 'end' };

/** What the page hands back: rAF deltas and update latencies while measuring, in ms. */
export interface BenchResult {
  frames: number[];
  updates: number[];
}
