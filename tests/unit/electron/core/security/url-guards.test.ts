import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isOnOrigin,
  isSafeExternalUrl,
} from '../../../../../electron/core/security/url-guards';

describe('isSafeExternalUrl', () => {
  it.each(['https://www.vp.gov.lv/', 'mailto:duty@example.lv', 'tel:+37112345678'])(
    'allows %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'http://plain.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'smb://share/x',
    'https://user:secret@example.lv/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isOnOrigin', () => {
  it('accepts pages of the app origin', () => {
    expect(isOnOrigin(`${APP_ORIGIN}/index.html#/alerts`, [APP_ORIGIN])).toBe(true);
  });

  it.each([
    'sargs://app.evil.example/index.html',
    'sargs://evil/index.html',
    'https://app/index.html',
    'sargs://user@app/index.html',
    'http://127.0.0.1:7331/',
  ])('refuses %s, which a prefix match could let through', (url) => {
    expect(isOnOrigin(url, [APP_ORIGIN, 'http://127.0.0.1:7330'])).toBe(false);
  });
});
