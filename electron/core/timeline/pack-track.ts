import type { PackedTrack, TrackColumns } from '../../../shared/domain/timeline';
import { encodeTrack } from '../../../shared/timeline/packed-track';

/**
 * The track for the bridge (see shared/timeline/packed-track.ts). Copied to its own buffer: IPC
 * clones a view's whole buffer, and encodeTrack's has room to spare.
 */
export function packTrack(track: TrackColumns): PackedTrack {
  return { count: track.at.length, data: encodeTrack(track).slice() };
}
