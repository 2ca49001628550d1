import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../core/security/url-guards';

/**
 * Every web contents the app creates: no new windows, no navigation away from the app, no
 * webviews. A link the operator means to follow (https, mailto, tel) opens in the OS instead.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  // The renderer routes by hash (in-page, no will-navigate), so any real navigation is foreign.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfSafe(url);
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

function openExternalIfSafe(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}
