import type { Migration } from '../migration-type';

/**
 * Central API 1.1 `victim_units`: protection orders, and the victims' positions in a table of their
 * own. A victim is not a client: their positions never join `positions` (no trail, no map layer of
 * clients), are read only for an order with an unresolved `victim_proximity` alert or to tell a
 * distance band, and are purged with the clients' positions.
 */
export const victimUnits: Migration = {
  version: 7,
  name: 'victim-units',
  up: (db) => {
    db.exec(`
      CREATE TABLE protection_orders (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        json TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX protection_orders_by_client ON protection_orders (client_id);
      CREATE TABLE victim_positions (
        order_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        id TEXT NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        accuracy_m REAL NOT NULL,
        PRIMARY KEY (order_id, at, id)
      ) WITHOUT ROWID;
      CREATE INDEX victim_positions_by_time ON victim_positions (at);
    `);
  },
};
