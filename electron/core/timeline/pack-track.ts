import type { PackedTrack, TrackColumns } from '../../../shared/domain/timeline';
import { encodeTrack, joinPacked } from '../../../shared/timeline/packed-track';

/**
 * The track for the bridge (see shared/timeline/packed-track.ts): as the store packed it when it
 * read it, or packed now (a track joined with fetched history).
 */
export function packTrack(track: TrackColumns & { packed?: Uint8Array }): PackedTrack {
  return { count: track.at.length, data: joinPacked([track.packed ?? encodeTrack(track)]) };
}
