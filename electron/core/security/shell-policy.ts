/**
 * What the desktop shell allows itself, by build: an installed console has no DevTools (they would
 * read every client's data from the page) and no application menu (no reload, no DevTools
 * accelerator); a developer's run keeps both.
 */
export interface ShellPolicy {
  devTools: boolean;
  applicationMenu: 'none' | 'default';
}

export function shellPolicy(packaged: boolean): ShellPolicy {
  return packaged
    ? { devTools: false, applicationMenu: 'none' }
    : { devTools: true, applicationMenu: 'default' };
}
