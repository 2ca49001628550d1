import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBasemapRange } from '../../../../../electron/core/map/basemap-file';
import { basemapDirSchema, pmtilesPathSchema } from '../../../../../shared/domain/settings';
import { apiRejection } from '../../../../helpers/rejection';

/** A folder administrators allow, with a PMTiles-shaped file, and a secret beside it. */
function world() {
  const root = mkdtempSync(join(tmpdir(), 'sargs-basemap-'));
  const dir = join(root, 'maps');
  mkdirSync(dir);
  const file = join(dir, 'lv.pmtiles');
  writeFileSync(file, Buffer.from('PMTiles\u0003-0123456789'));
  const secret = join(root, 'settings.json');
  writeFileSync(secret, '{"centralUrl": "https://central.example.lv"}');
  return { root, dir, file, secret };
}

const ONE_ANSWER = 'The basemap file cannot be used';

describe('the basemap file', () => {
  const { root, dir, file, secret } = world();

  it('reads the asked range, shorter at the end of the file, with an etag of size and time', async () => {
    const middle = await readBasemapRange(dir, file, 11, 3);
    expect(Buffer.from(middle.bytes, 'base64').toString()).toBe('234');
    const end = await readBasemapRange(dir, file, 17, 16_384);
    expect(Buffer.from(end.bytes, 'base64').toString()).toBe('89');
    expect(end.etag).toMatch(/^19-\d+$/);
    expect((await readBasemapRange(dir, file, 50, 4)).bytes).toBe('');
  });

  it('refuses every probe with one and the same answer', async () => {
    const outside = join(root, 'outside.pmtiles');
    writeFileSync(outside, Buffer.from('PMTiles\u0003 outside the folder'));
    const linkToPasswd = join(dir, 'x.pmtiles');
    symlinkSync('/etc/passwd', linkToPasswd);
    const linkToSecret = join(dir, 'y.pmtiles');
    symlinkSync(secret, linkToSecret);
    const linkInside = join(dir, 'z.pmtiles');
    symlinkSync(file, linkInside);
    const notPmtiles = join(dir, 'plain.pmtiles');
    writeFileSync(notPmtiles, 'just text, no magic');
    const folderLink = join(root, 'maps-link');
    symlinkSync(root, folderLink);
    const probes: [string | null, string | null][] = [
      [null, file],
      [dir, null],
      [dir, join(dir, 'gone.pmtiles')], // does not exist
      [dir, outside], // outside the folder
      [dir, linkToPasswd], // a link to a system file
      [dir, linkToSecret], // a link to the console's own settings
      [dir, linkInside], // a link, even to an allowed file
      [dir, notPmtiles], // wrong magic bytes
      [dir, join(dir, '..', 'outside.pmtiles')], // climbing out
      [dir, join(folderLink, 'outside.pmtiles')], // out through a linked folder
      [dir, dir], // a folder
      ['//fileserver/share', '//fileserver/share/lv.pmtiles'], // network paths
      [dir, '\\\\fileserver\\share\\lv.pmtiles'],
    ];
    for (const [folder, path] of probes) {
      const error = await apiRejection(readBasemapRange(folder, path, 0, 64));
      expect([error.code, error.message], `${folder} ${path}`).toEqual(['unavailable', ONE_ANSWER]);
    }
  });

  it('takes only absolute, local paths in Settings', () => {
    expect(pmtilesPathSchema.safeParse('/srv/maps/latvija.pmtiles').success).toBe(true);
    expect(pmtilesPathSchema.safeParse('C:\\maps\\latvija.PMTILES').success).toBe(true);
    expect(pmtilesPathSchema.safeParse('maps/latvija.pmtiles').success).toBe(false);
    expect(pmtilesPathSchema.safeParse('/srv/maps/latvija.mbtiles').success).toBe(false);
    expect(pmtilesPathSchema.safeParse('//host/share/x.pmtiles').success).toBe(false);
    expect(pmtilesPathSchema.safeParse('\\\\host\\share\\x.pmtiles').success).toBe(false);
    expect(basemapDirSchema.safeParse('/srv/maps').success).toBe(true);
    expect(basemapDirSchema.safeParse('\\\\host\\share').success).toBe(false);
  });
});
