import { describe, expect, it } from 'vitest';
import { cacheFileFor } from '../../../../../electron/core/db/cache-file';

describe('cacheFileFor', () => {
  it('gives each central service a file of its own, named after its host', () => {
    const a = cacheFileFor('/data', 'https://em.example.lv/api');
    expect(a).toMatch(/^\/data\/cache-em\.example\.lv-[0-9a-f]{8}\.db$/);
    expect(cacheFileFor('/data', 'https://em.example.lv/api')).toBe(a);
    expect(cacheFileFor('/data', 'https://em.example.lv/other')).not.toBe(a);
    expect(cacheFileFor('/data', 'http://127.0.0.1:8700')).toMatch(/cache-127\.0\.0\.1-/);
  });

  it('keeps the training simulator and the bare cache apart from every service', () => {
    expect(cacheFileFor('/data', 'embedded')).toBe('/data/training.db');
    expect(cacheFileFor('/data', null)).toBe('/data/cache.db');
  });
});
