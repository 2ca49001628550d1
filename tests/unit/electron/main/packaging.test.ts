import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { shellPolicy } from '../../../../electron/core/security/shell-policy';

/**
 * The packaged desktop console's hardening: the builder's fuse settings and the shell's policy
 * (electron/main applies it). The Electron binary is not on these machines; the smoke test in
 * tests/e2e runs the shell where it is.
 */
describe('the packaged desktop console', () => {
  const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it('flips Electron’s fuses: no run-as-node, NODE_OPTIONS or inspector; encrypted cookies; code only from the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has no DevTools and no application menu when installed; a developer’s run keeps both', () => {
    expect(shellPolicy(true)).toEqual({ devTools: false, applicationMenu: 'none' });
    expect(shellPolicy(false)).toEqual({ devTools: true, applicationMenu: 'default' });
  });
});
