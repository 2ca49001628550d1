import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../shared/format/search';

describe('search folding', () => {
  it('ignores case and every Latvian diacritic', () => {
    expect(foldForSearch('Rīgā')).toBe('riga');
    expect(foldForSearch('ŠĶIRTS')).toBe('skirts');
    expect(foldForSearch('Ģirts Ļaviņš, Čakste, Žūriņa, Ēķis')).toBe(
      'girts lavins, cakste, zurina, ekis',
    );
  });
});
