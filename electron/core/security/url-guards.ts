/**
 * URL checks for navigation, IPC senders and external links. Every check parses with `new URL()`
 * and compares parts; string prefixes are how `https://app.evil.example` passes for `https://app`.
 */

/** The origin the desktop shell serves the renderer from (a custom, privileged scheme). */
export const APP_SCHEME = 'sargs';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Schemes the console hands to the operating system: web pages, mail and phone calls. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is on one of `origins` (scheme, host and port all equal). */
export function isOnOrigin(raw: string, origins: readonly string[]): boolean {
  const url = parse(raw);
  if (!url) return false;
  return origins.some((origin) => {
    const allowed = parse(origin);
    return (
      allowed !== null &&
      allowed.protocol === url.protocol &&
      allowed.hostname === url.hostname &&
      allowed.port === url.port &&
      url.username === '' &&
      url.password === ''
    );
  });
}

/** A link the operator clicked may go to the OS only if it is https, mailto or tel. */
export function isSafeExternalUrl(raw: string): boolean {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return false;
  return url.username === '' && url.password === '';
}
