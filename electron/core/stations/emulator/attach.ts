import { openSerialTransport, type StationTransport } from '../transport';
import { StationEmulator, type EmulatorOptions } from './station-emulator';

/**
 * The emulator on a serial port (the station's end of a pty pair), opened again whenever the port
 * comes back after being lost, as a real station's USB adapter would be.
 */
export async function attachEmulator(
  path: string,
  options: Omit<EmulatorOptions, 'write'>,
): Promise<{ emulator: StationEmulator; close(): Promise<void> }> {
  let transport: StationTransport | null = null;
  let closed = false;
  const emulator = new StationEmulator({ ...options, write: (text) => transport?.write(text) });
  const open = async (): Promise<void> => {
    while (!closed) {
      try {
        const next = await openSerialTransport(path);
        next.onData((chunk) => emulator.receive(chunk));
        next.onLost(() => {
          transport = null;
          void next.close();
          void open();
        });
        transport = next;
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await open();
  emulator.start();
  return {
    emulator,
    close: async () => {
      closed = true;
      emulator.stop();
      await transport?.close();
    },
  };
}
