import { isSafeExternalUrl } from './url-guards';

export type ExternalOutcome = 'opened' | 'declined' | 'refused';

/**
 * A link the page wants opened outside the console: only https, mailto and tel, and only after the
 * operator said yes to the exact address (a phishing link in a note must not open by one click).
 * Electron's dialog and shell are passed in, so this runs and is tested without Electron.
 */
export async function openExternalAfterAsking(
  raw: string,
  ask: (url: string) => Promise<boolean>,
  open: (url: string) => Promise<void>,
): Promise<ExternalOutcome> {
  if (!isSafeExternalUrl(raw)) return 'refused';
  const url = new URL(raw).href;
  if (!(await ask(url))) return 'declined';
  await open(url);
  return 'opened';
}
