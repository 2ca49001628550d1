import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { searchJournal } from '../../../electron/core/db/queries/shifts';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 5 (journal-search)', () => {
  it('indexes the journal entries a cache already held, refs and all', () => {
    const file = join(tempDir(), 'cache.db');
    const before = openDatabase(file, migrations.slice(0, 4));
    const entry = {
      id: 'JE-1',
      shiftId: 'SH-1',
      operatorId: 'referent1',
      at: '2026-11-30T02:00:00.000Z',
      category: 'contact',
      text: 'Klients atbildēja no Liepājas',
      refs: { alertIds: ['AL-1'], clientIds: ['CL-00007'], deviceIds: [] },
      correctsEntryId: null,
    };
    before
      .prepare('INSERT INTO journal_entries (id, shift_id, at, json) VALUES (?, ?, ?, ?)')
      .run(entry.id, entry.shiftId, entry.at, JSON.stringify(entry));
    before.close();

    const db = openDatabase(file);
    expect(searchJournal(db, { text: 'liepajas' }).map((e) => e.id)).toEqual(['JE-1']);
    expect(
      searchJournal(db, { text: 'ATBILDEJA', category: 'contact', operatorId: 'referent1' }),
    ).toHaveLength(1);
    expect(searchJournal(db, { clientId: 'CL-00007' })).toHaveLength(1);
    expect(searchJournal(db, { text: 'liepajas', clientId: 'CL-00008' })).toHaveLength(0);
    db.close();
  });
});
