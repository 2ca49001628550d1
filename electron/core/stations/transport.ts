import { statSync } from 'node:fs';
import { SerialPort } from 'serialport';

/**
 * A byte pipe to a station: a serial port, or (for the training console) the emulator in the
 * same process. The link above it knows nothing else.
 */
export interface StationTransport {
  write(text: string): void;
  /** Bytes as they arrive. */
  onData(listener: (chunk: Buffer) => void): void;
  /** The pipe closed without being asked to (cable pulled, device gone). */
  onLost(listener: (error: Error | null) => void): void;
  close(): Promise<void>;
}

export type OpenTransport = (path: string) => Promise<StationTransport>;

/** How often the device file is looked at, to notice an adapter pulled out. */
const PRESENCE_MS = 250;

/** Which device a path names now (device number and inode), or null if it names none. */
function deviceAt(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.rdev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** 115200 baud, 8N1, no flow control (protocol v1, "Link"). */
export const openSerialTransport: OpenTransport = (path) =>
  new Promise((resolve, reject) => {
    const port = new SerialPort({
      path,
      baudRate: 115200,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      xon: false,
      xoff: false,
      autoOpen: false,
    });
    let closing = false;
    const lostListeners: ((error: Error | null) => void)[] = [];
    let presence: ReturnType<typeof setInterval> | null = null;
    const lose = (error: Error | null) => {
      if (closing) return;
      closing = true;
      if (presence) clearInterval(presence);
      for (const listener of lostListeners) listener(error);
    };
    port.open((error) => {
      if (error) {
        reject(error);
        return;
      }
      // A USB adapter pulled out (or a pty pair gone) takes its device file with it. The port's
      // own close event usually says so, but not always at once: the file is the sure sign.
      const device = path.startsWith('/') ? deviceAt(path) : null;
      if (device) {
        presence = setInterval(() => {
          if (deviceAt(path) !== device) lose(new Error(`${path} is gone`));
        }, PRESENCE_MS);
        presence.unref?.();
      }
      port.on('close', (err: Error | null) => lose(err));
      port.on('error', (err: Error) => lose(err));
      resolve({
        write: (text) => {
          port.write(Buffer.from(text, 'latin1'));
        },
        onData: (listener) => port.on('data', listener),
        onLost: (listener) => lostListeners.push(listener),
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            if (presence) clearInterval(presence);
            if (!port.isOpen) done();
            else port.close(() => done());
          }),
      });
    });
  });
