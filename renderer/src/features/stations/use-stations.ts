import { api } from '../../api';
import { useLive } from '../../api/use-live';

/** The attached station as the core knows it, fresh on every change it announces. */
export function useStationState() {
  return useLive(() => api.stations.state({}), ['stations.changed'], []);
}

/** The system's serial ports, asked again every 2 s: a USB adapter plugged in shows up by itself. */
export function usePorts() {
  return useLive(() => api.stations.ports({}), [], [], { everyMs: 2000 });
}
