import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createConsoleCore, type ConsoleCore } from '../core/console-core';
import { shellPolicy } from '../core/security/shell-policy';
import { registerIpc } from './ipc';
import { showNotification } from './notify';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyPermissions, lockDownContents } from './security';
import { createMainWindow } from './window';

/** Electron glue only: lifecycle, window, protocol and IPC. The console itself is the core. */
let core: ConsoleCore | null = null;

// Files the console creates (cache, WAL, settings) are its user's alone.
process.umask(0o077);
app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

if (!app.requestSingleInstanceLock()) {
  // Two consoles on one cache would fight over it: the second start focuses the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Say why and stop, rather than leave a window-less process or restart in a loop.
      dialog.showErrorBox('Sargs could not start', (error as Error).message);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  core = await createConsoleCore({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    // No central option: the service set in Settings, or the training simulator until there is one.
    electronVersion: process.versions.electron ?? null,
    notify: showNotification,
    // Worker scripts cannot be read from inside the asar archive: the bundle is unpacked.
    storeWorkerUrl: join(
      root.replace(/app\.asar$/, 'app.asar.unpacked'),
      'dist',
      'electron',
      'store-worker.cjs',
    ),
  });
  denyPermissions(session.defaultSession);
  const policy = shellPolicy(app.isPackaged);
  if (policy.applicationMenu === 'none') Menu.setApplicationMenu(null);
  serveRenderer(join(root, 'dist', 'renderer'), () => core?.imageOrigins() ?? []);
  registerIpc(core);
  const preload = join(root, 'dist', 'electron', 'preload.cjs');
  createMainWindow(preload, policy.devTools);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preload, policy.devTools);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void core?.close();
});
