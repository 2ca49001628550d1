import { api } from '../../api';
import { useLive } from '../../api/use-live';

/** The open shift and its journal, fresh when the service or this console's outbox moves. */
export function useShift() {
  return useLive(() => api.shifts.current({}), ['shifts.changed', 'outbox.changed'], []);
}
