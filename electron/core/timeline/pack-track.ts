import type { PackedTrack, TrackColumns } from '../../../shared/domain/timeline';
import { encodeTrack } from '../../../shared/timeline/packed-track';

/** The track for the bridge (see shared/timeline/packed-track.ts), its bytes in base64. */
export function packTrack(track: TrackColumns): PackedTrack {
  const bytes = encodeTrack(track);
  return {
    count: track.at.length,
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}
