import { describe, expect, it } from 'vitest';
import {
  centralUrlSchema,
  centreSettingKeys,
  ownSettingKeys,
  tileOrigins,
  tileUrlSchema,
  urlOrigin,
  wmsUrlSchema,
} from '../../../shared/domain/settings';
import { contentSecurityPolicy } from '../../../electron/core/security/csp';
import { escapeHtml } from '../../../shared/format/plain-text';

describe('service and tile URLs', () => {
  it.each([
    'https://central.probacija.lv',
    'https://central.probacija.lv:8443/em/',
    'http://127.0.0.1:8700',
    'http://localhost:8700',
    'http://[::1]:8700',
  ])('takes %s as a central service', (url) => {
    expect(centralUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    'http://central.probacija.lv', // passwords in clear over the network
    'http://10.0.0.5:8700',
    'http://127.0.0.1.evil.example',
    'ftp://central.probacija.lv',
    'https://central.probacija.lv?x=1',
  ])('refuses %s as a central service', (url) => {
    expect(centralUrlSchema.safeParse(url).success).toBe(false);
  });

  it('takes https tile templates ({s} only as a whole host label) and loopback http', () => {
    for (const good of [
      'https://tiles.example.lv/{z}/{x}/{y}.png',
      'https://{s}.tiles.example.lv/{z}/{x}/{y}.png',
      'http://127.0.0.1:9/{z}/{x}/{y}.png',
    ])
      expect(tileUrlSchema.safeParse(good).success, good).toBe(true);
    for (const bad of [
      'http://tiles.example.lv/{z}/{x}/{y}.png',
      'https://{s}/{z}/{x}/{y}.png.evil.example', // {s} as the whole host would be any host
      'https://a{s}.x.lv/{z}/{x}/{y}.png',
      'https://tiles.example.lv/{x}/{y}.png',
    ])
      expect(tileUrlSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('admits each tile subdomain as its own origin in the CSP, never a wildcard', () => {
    const origins = tileOrigins('https://{s}.tiles.example.lv/{z}/{x}/{y}.png', ['a', 'b']);
    expect(origins).toEqual(['https://a.tiles.example.lv', 'https://b.tiles.example.lv']);
    const csp = contentSecurityPolicy({ images: origins });
    expect(csp).toContain(
      "img-src 'self' data: blob: https://a.tiles.example.lv https://b.tiles.example.lv;",
    );
    expect(csp).not.toContain('*');
  });
});

describe('a WMS service', () => {
  it('is https (http on loopback), and its origin alone joins the CSP', () => {
    expect(wmsUrlSchema.safeParse('https://maps.example.lv/geoserver/ows?map=lv').success).toBe(
      true,
    );
    expect(wmsUrlSchema.safeParse('http://127.0.0.1:8080/ows').success).toBe(true);
    expect(wmsUrlSchema.safeParse('http://maps.example.lv/ows').success).toBe(false);
    expect(urlOrigin('https://maps.example.lv:8443/geoserver/ows?x=1')).toBe(
      'https://maps.example.lv:8443',
    );
  });
});

describe('who changes which setting', () => {
  it('splits every setting into the operator’s own and the centre’s', () => {
    expect([...ownSettingKeys]).toEqual(['language', 'theme', 'trailHours']);
    expect(centreSettingKeys).toEqual(
      expect.arrayContaining([
        'centralUrl',
        'tileUrl',
        'pmtilesPath',
        'basemapDir',
        'retentionDays',
        'alertSla',
        'alertGuidance',
        'idleLockMinutes',
      ]),
    );
    expect(
      centreSettingKeys.some((key) => (ownSettingKeys as readonly string[]).includes(key)),
    ).toBe(false);
  });
});

describe('attribution', () => {
  it('reaches Leaflet as text, never as markup', () => {
    expect(escapeHtml('© <a href="javascript:x">LĢIA</a> & \'co\'')).toBe(
      '© &#60;a href=&#34;javascript:x&#34;&#62;LĢIA&#60;/a&#62; &#38; &#39;co&#39;',
    );
  });
});
