import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { PortList } from '../../../shared/domain/stations';

/** USB-serial adapters as Linux names them, for when the system's list cannot be read. */
const USB_SERIAL = /^tty(USB|ACM)\d+$/;

/**
 * The serial ports the system lists. On Linux the list comes from udev (`udevadm`); where that is
 * missing (a container, a minimal install) the console still finds USB adapters in /dev and says
 * why the list is short. Pseudo-terminals are never listed: the page lets one type a path.
 */
export async function listPorts(): Promise<PortList> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        serialNumber: p.serialNumber ?? null,
      })),
      listError: null,
    };
  } catch (error) {
    const found =
      process.platform === 'linux'
        ? (await readdir('/dev').catch(() => [] as string[])).filter((n) => USB_SERIAL.test(n))
        : [];
    return {
      ports: found
        .sort()
        .map((name) => ({ path: `/dev/${name}`, manufacturer: null, serialNumber: null })),
      listError: (error as Error).message,
    };
  }
}
