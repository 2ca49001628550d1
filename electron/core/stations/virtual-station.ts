import { StationEmulator, emulatedTags } from './emulator/station-emulator';
import type { StationTransport } from './transport';

export const VIRTUAL_STATION_PATH = 'virtual:training';

/**
 * The training console's station: the emulator on the far side of an in-process pipe instead of
 * a pseudo-terminal, so a newcomer can commission a station without socat or a USB cable. Bytes
 * cross on the next tick, as they would through a port.
 */
export function openVirtualStation(): { transport: StationTransport; emulator: StationEmulator } {
  const listeners: ((chunk: Buffer) => void)[] = [];
  let closed = false;
  const emulator = new StationEmulator({
    write: (text) =>
      setImmediate(() => {
        if (!closed) for (const listener of listeners) listener(Buffer.from(text, 'latin1'));
      }),
    serial: 'HMU2-TRAIN1',
    tags: emulatedTags(3),
  });
  const transport: StationTransport = {
    write: (text) => setImmediate(() => !closed && emulator.receive(text)),
    onData: (listener) => listeners.push(listener),
    onLost: () => undefined,
    close: async () => {
      closed = true;
      emulator.stop();
    },
  };
  setImmediate(() => emulator.start());
  return { transport, emulator };
}
