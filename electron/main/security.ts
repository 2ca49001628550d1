import { dialog, shell, type Session, type WebContents } from 'electron';
import { openExternalAfterAsking } from '../core/security/external-link';

/**
 * Every web contents the app creates: no new windows, no navigation away from the app, no
 * webviews. A link the operator means to follow (https, mailto, tel) opens in the OS instead,
 * after they confirm the address.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  // The renderer routes by hash (in-page, no will-navigate), so any real navigation is foreign.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The console needs no camera, microphone, geolocation or device access from web content. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

async function askToOpen(url: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open / Atvērt', 'Cancel / Atcelt'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link outside Sargs? / Atvērt šo saiti ārpus Sargs?',
    detail: url,
  });
  return response === 0;
}

function openExternal(url: string): void {
  void openExternalAfterAsking(url, askToOpen, (safe) => shell.openExternal(safe));
}
