import type { Migration } from '../migration-type';

/**
 * The shift journal, searchable: full text in FTS5 with the unicode61 tokenizer folding case and
 * every diacritic ("riga" finds "Rīgā"), and the fields the search filters on (category, operator,
 * what an entry refers to) as columns and rows of their own. Entries already cached are indexed too.
 * Alerts get an index by when they were raised, for a shift's window.
 */
export const journalSearch: Migration = {
  version: 5,
  name: 'journal-search',
  up: (db) => {
    db.exec(`
      ALTER TABLE journal_entries ADD COLUMN category TEXT NOT NULL DEFAULT 'info';
      ALTER TABLE journal_entries ADD COLUMN operator_id TEXT NOT NULL DEFAULT '';
      UPDATE journal_entries SET
        category = json_extract(json, '$.category'),
        operator_id = json_extract(json, '$.operatorId');
      CREATE INDEX journal_by_at ON journal_entries (at);
      CREATE INDEX journal_by_operator ON journal_entries (operator_id, at);

      CREATE TABLE journal_refs (
        kind TEXT NOT NULL CHECK (kind IN ('alert', 'client', 'device')),
        ref_id TEXT NOT NULL,
        entry_id TEXT NOT NULL REFERENCES journal_entries (id),
        PRIMARY KEY (kind, ref_id, entry_id)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO journal_refs (kind, ref_id, entry_id)
        SELECT 'alert', r.value, e.id FROM journal_entries e, json_each(e.json, '$.refs.alertIds') r
        UNION ALL
        SELECT 'client', r.value, e.id FROM journal_entries e, json_each(e.json, '$.refs.clientIds') r
        UNION ALL
        SELECT 'device', r.value, e.id FROM journal_entries e, json_each(e.json, '$.refs.deviceIds') r;

      -- Contentless: the text lives in journal_entries; rowids match. Every word is searched
      -- as a prefix, so prefixes of 2 and 3 letters get an index of their own.
      CREATE VIRTUAL TABLE journal_fts USING fts5(
        text, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );
      INSERT INTO journal_fts (rowid, text)
        SELECT rowid, json_extract(json, '$.text') FROM journal_entries;

      -- A shift's alerts are those raised in its hours (handover drafts, shift reports).
      CREATE INDEX alerts_by_raised ON alerts (raised_at);
    `);
  },
};
