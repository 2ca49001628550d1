import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFileForRequest, resolveInside } from '../../../../../electron/core/security/app-path';

const root = resolve('/srv/sargs/renderer');

describe('resolveInside', () => {
  it('maps paths to files under the root, / to index.html', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveInside(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it.each([
    '/../secret',
    '/assets/../../secret',
    '/%2e%2e/secret',
    '/%2E%2E%2Fsecret',
    '/..%5csecret',
    '/assets/%00.js',
    '/%E0%A4%A',
    '/../renderer-evil/x.js',
  ])('refuses %s', (path) => {
    expect(resolveInside(root, path)).toBeNull();
  });
});

describe('appFileForRequest', () => {
  it('serves only sargs://app', () => {
    expect(appFileForRequest(root, 'sargs://app/index.html', 'sargs', 'app')).toBe(
      join(root, 'index.html'),
    );
    expect(appFileForRequest(root, 'sargs://other/index.html', 'sargs', 'app')).toBeNull();
    expect(
      appFileForRequest(root, 'file:///srv/sargs/renderer/index.html', 'sargs', 'app'),
    ).toBeNull();
    expect(appFileForRequest(root, 'sargs://app/..%2f..%2fetc/passwd', 'sargs', 'app')).toBeNull();
  });
});
