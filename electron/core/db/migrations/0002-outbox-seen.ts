import type { Migration } from '../migration-type';

/**
 * A refused action stays in front of the operator until they have read it: `seen_at` records when.
 * Pending and unread refusals are the few rows the shell lists among every action ever sent, so a
 * partial index holds just those.
 */
export const outboxSeen: Migration = {
  version: 2,
  name: 'outbox-seen',
  up: (db) => {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN seen_at TEXT;
      CREATE INDEX outbox_attention ON outbox (id)
        WHERE state = 'pending' OR (state = 'rejected' AND seen_at IS NULL);
    `);
  },
};
