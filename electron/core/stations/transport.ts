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
    port.open((error) => {
      if (error) {
        reject(error);
        return;
      }
      resolve({
        write: (text) => {
          port.write(Buffer.from(text, 'latin1'));
        },
        onData: (listener) => port.on('data', listener),
        onLost: (listener) => {
          port.on('close', (err: Error | null) => {
            if (!closing) listener(err);
          });
          port.on('error', (err: Error) => {
            if (!closing) listener(err);
          });
        },
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            if (!port.isOpen) done();
            else port.close(() => done());
          }),
      });
    });
  });
