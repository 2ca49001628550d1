import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { path: string } | { path: null; reason: string };

/**
 * Finds an installed Electron binary without requiring the `electron` package: its index tries to
 * download the binary when it is missing, which these build machines cannot do.
 */
export function findElectronBinary(root = process.cwd(), env = process.env): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const file = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(file)
      ? { path: file }
      : { path: null, reason: `no Electron binary at ${file}` };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; its download ' +
        'needs a network this machine does not have). Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to use one.',
    };
  }
  const file = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file)
    ? { path: file }
    : { path: null, reason: `no Electron binary at ${file}` };
}
