import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBasemapRange } from '../../../../../electron/core/map/basemap-file';
import { pmtilesPathSchema } from '../../../../../shared/domain/settings';
import { apiRejection } from '../../../../helpers/rejection';

describe('the basemap file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sargs-basemap-'));
  const file = join(dir, 'lv.pmtiles');
  writeFileSync(file, Buffer.from('0123456789'));

  it('reads the asked range, shorter at the end of the file, with an etag of size and time', async () => {
    const middle = await readBasemapRange(file, 2, 3);
    expect(Buffer.from(middle.bytes, 'base64').toString()).toBe('234');
    const end = await readBasemapRange(file, 8, 16_384);
    expect(Buffer.from(end.bytes, 'base64').toString()).toBe('89');
    expect(end.etag).toMatch(/^10-\d+$/);
    expect((await readBasemapRange(file, 50, 4)).bytes).toBe('');
  });

  it('says why it cannot read: none set, missing, not a file', async () => {
    expect((await apiRejection(readBasemapRange(null, 0, 1))).message).toBe(
      'No basemap file is set',
    );
    const missing = await apiRejection(readBasemapRange(join(dir, 'gone.pmtiles'), 0, 1));
    expect([missing.code, missing.message]).toEqual([
      'unavailable',
      `The basemap file ${join(dir, 'gone.pmtiles')} does not exist`,
    ]);
    expect((await apiRejection(readBasemapRange(dir, 0, 1))).message).toContain('not a file');
  });

  it('takes only absolute paths to .pmtiles files in Settings', () => {
    for (const good of ['/srv/maps/lv.pmtiles', 'C:\\maps\\lv.PMTiles', 'D:/kartes/lv.pmtiles'])
      expect(pmtilesPathSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      'lv.pmtiles',
      'maps/lv.pmtiles',
      '/srv/maps/lv.mbtiles',
      'https://x/lv.pmtiles',
    ])
      expect(pmtilesPathSchema.safeParse(bad).success).toBe(false);
  });
});
