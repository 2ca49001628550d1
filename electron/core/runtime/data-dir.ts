import { accessSync, chmodSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Sargs';

/**
 * Where a console keeps its data when no directory is given: the same place Electron's
 * app.getPath('userData') uses, so the desktop and headless consoles on one machine share a cache.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

/**
 * Creates the directory if needed, proves it is writable (or says plainly why not), and makes it
 * and the files in it private to this user: 0700 and 0600. They hold people's locations and the
 * audit trail; a directory made before this rule (or by a umask of 022) is tightened at start.
 * (On Windows the mode bits mean little; the per-user profile folder does this job.)
 */
export function ensurePrivateDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    if (process.platform !== 'win32') {
      chmodSync(dir, 0o700);
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isFile()) chmodSync(path, 0o600);
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(
      `Data directory ${dir} is not usable (${code}). Choose another with --data-dir.`,
      {
        cause: error,
      },
    );
  }
}
