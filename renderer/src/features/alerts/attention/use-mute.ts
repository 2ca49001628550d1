import { useEffect, useState } from 'react';
import type { AttentionState } from '../../../../../shared/domain/attention';
import { api } from '../../../api';
import { useLive } from '../../../api/use-live';

const UNMUTED: AttentionState = { mutedUntil: null, mutedBy: null };

/** This console's mute, kept current; it ends by itself at `mutedUntil`. */
export function useMute(): AttentionState {
  const { value } = useLive(() => api.attention.get({}), ['attention.changed'], []);
  const state = value ?? UNMUTED;
  // The core ends a mute by time alone; so does the page, without asking.
  const [endedAt, setEndedAt] = useState<string | null>(null);
  useEffect(() => {
    if (state.mutedUntil === null) return;
    const until = state.mutedUntil;
    const timer = setTimeout(() => setEndedAt(until), Math.max(0, Date.parse(until) - Date.now()));
    return () => clearTimeout(timer);
  }, [state.mutedUntil]);
  return state.mutedUntil !== null && state.mutedUntil === endedAt ? UNMUTED : state;
}

export const isMuted = (state: AttentionState, nowMs: number): boolean =>
  state.mutedUntil !== null && Date.parse(state.mutedUntil) > nowMs;
