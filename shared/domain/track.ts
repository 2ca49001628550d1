/**
 * A client's fixes as columns: what the map trail and incident replay draw. At one fix a minute
 * a 30-day track is 43,200 points; as typed arrays it crosses threads and IPC without copying
 * record by record. Full Position records (with ids and receive times) are for evidence export.
 */
export interface PositionTrack {
  clientId: string;
  count: number;
  /** Fix time, milliseconds since the epoch (UTC), ascending. */
  at: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  accuracyM: Float32Array;
  /** NaN where the device did not report a speed. */
  speedKmh: Float32Array;
}
