import { useEffect, useState } from 'react';
import type { AttentionState } from '../../../../../shared/domain/attention';
import { api } from '../../../api';

/** This console's mute, kept current; it ends by itself at `mutedUntil`. */
export function useMute(): AttentionState {
  const [state, setState] = useState<AttentionState>({ mutedUntil: null, mutedBy: null });
  useEffect(() => {
    let live = true;
    void api.attention.get({}).then((value) => live && setState(value));
    const off = api.on('attention.changed', setState);
    return () => {
      live = false;
      off();
    };
  }, []);
  // The core ends a mute by time alone; so does the page, without asking.
  useEffect(() => {
    if (state.mutedUntil === null) return;
    const timer = setTimeout(
      () => setState({ mutedUntil: null, mutedBy: null }),
      Math.max(0, Date.parse(state.mutedUntil) - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [state.mutedUntil]);
  return state;
}

export const isMuted = (state: AttentionState, nowMs: number): boolean =>
  state.mutedUntil !== null && Date.parse(state.mutedUntil) > nowMs;
