const STORAGE_KEY = 'sargs.headlessToken';

/**
 * The headless bridge prints a URL with `#token=…`. The token is taken from the fragment (never
 * sent to the server in a URL), kept for this tab only, and removed from the address bar.
 */
export function takeHeadlessToken(
  location: Location,
  storage: Storage,
  history: History,
): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/map`);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
