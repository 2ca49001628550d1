import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import {
  appendAudit,
  auditHead,
  verifyAuditChain,
  type AuditAnchor,
  type AuditDbRow,
} from '../../../electron/core/db/queries/audit';
import { dropAuditTriggers, rechain } from '../../helpers/audit-forgery';
import { tempDir } from '../../helpers/temp-dir';

const ROWS = 30;

/** A real cache file with a chain of ROWS entries, and the anchors sent at rows 10 and 20. */
function chainedCache(): { file: string; anchors: AuditAnchor[] } {
  const file = join(tempDir(), 'cache.db');
  const db = openDatabase(file);
  const anchors: AuditAnchor[] = [];
  for (let i = 1; i <= ROWS; i += 1) {
    appendAudit(db, {
      at: new Date(Date.UTC(2026, 10, 30, 3, i)).toISOString(),
      operatorId: i % 3 === 0 ? 'system' : 'referent1',
      action: i % 2 === 0 ? 'client.view' : 'alert.claim',
      subjectType: 'client',
      subjectId: `C-${i}`,
      detail: { i },
    });
    if (i % 10 === 0) anchors.push(auditHead(db)!);
  }
  db.close();
  return { file, anchors };
}

/** A copy of the cache as someone with the file would change it: triggers dropped first. */
function tamperedCopy(file: string, change: (db: Database) => void): Database {
  const copy = join(tempDir(), 'copy.db');
  copyFileSync(file, copy);
  const db = openDatabase(copy);
  dropAuditTriggers(db);
  change(db);
  return db;
}

describe('the audit chain', () => {
  it('holds as written, and matches its anchors', () => {
    const { file, anchors } = chainedCache();
    const db = openDatabase(file);
    expect(verifyAuditChain(db, anchors)).toMatchObject({ rows: ROWS, broken: null });
    db.close();
  });

  it.each([1, 7, ROWS])('names row %i when its content is altered', (seq) => {
    const { file } = chainedCache();
    const db = tamperedCopy(file, (d) =>
      d.prepare("UPDATE audit_log SET operator_id = 'someone_else' WHERE seq = ?").run(seq),
    );
    expect(verifyAuditChain(db).broken).toEqual({ seq, reason: 'altered' });
    db.close();
  });

  it.each([1, 12, ROWS - 1])('names row %i when it is deleted', (seq) => {
    const { file } = chainedCache();
    const db = tamperedCopy(file, (d) => d.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq));
    expect(verifyAuditChain(db).broken).toEqual({ seq, reason: 'missing' });
    db.close();
  });

  it('names the first of two rows swapped', () => {
    const { file } = chainedCache();
    const db = tamperedCopy(file, (d) => {
      const [a, b] = d
        .prepare('SELECT * FROM audit_log WHERE seq IN (5, 6) ORDER BY seq')
        .all() as AuditDbRow[];
      const put = d.prepare(
        'UPDATE audit_log SET at = ?, operator_id = ?, action = ?, subject_type = ?, subject_id = ?, detail = ?, prev_hash = ?, hash = ? WHERE seq = ?',
      );
      put.run(
        b!.at,
        b!.operator_id,
        b!.action,
        b!.subject_type,
        b!.subject_id,
        b!.detail,
        b!.prev_hash,
        b!.hash,
        5,
      );
      put.run(
        a!.at,
        a!.operator_id,
        a!.action,
        a!.subject_type,
        a!.subject_id,
        a!.detail,
        a!.prev_hash,
        a!.hash,
        6,
      );
    });
    expect(verifyAuditChain(db).broken).toEqual({ seq: 5, reason: 'out_of_order' });
    db.close();
  });

  it('a row deleted and the whole chain recomputed holds alone, but not against the anchors', () => {
    const { file, anchors } = chainedCache();
    const db = tamperedCopy(file, (d) => {
      d.prepare('DELETE FROM audit_log WHERE seq = 7').run();
      d.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 7').run();
      rechain(d);
    });
    // The forgery is consistent with itself...
    expect(verifyAuditChain(db).broken).toBeNull();
    // ...but row 10 is no longer what was sent to the service.
    expect(verifyAuditChain(db, anchors).broken).toEqual({ seq: 10, reason: 'anchor_mismatch' });
    db.close();
  });

  it('a log cut short after an anchor is reported as truncated', () => {
    const { file, anchors } = chainedCache();
    const db = tamperedCopy(file, (d) => d.prepare('DELETE FROM audit_log WHERE seq > 15').run());
    expect(verifyAuditChain(db).broken).toBeNull();
    expect(verifyAuditChain(db, anchors).broken).toEqual({ seq: 20, reason: 'truncated' });
    db.close();
  });
});
