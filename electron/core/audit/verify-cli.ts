import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { centralUrlSchema } from '../../../shared/domain/settings';
import { fetchCapabilities } from '../central/capabilities';
import { CentralHttp } from '../central/central-http';
import { cacheFileFor } from '../db/cache-file';
import { verifyAuditChain, type AuditAnchor, type ChainReport } from '../db/queries/audit';
import { readLocalState } from '../db/queries/local-state';
import { exitOnUnsupportedNode } from '../runtime/node-version';
import { FEATURE, fetchAnchors } from './anchors';
import { CONSOLE_ID_KEY } from './audit-module';

const USAGE = `Usage: npm run audit:verify -- --data-dir DIR [--central URL --username NAME]
  Walks the hash chain of every cache's audit log in DIR and names the first broken row.
  With --central (password in SARGS_PASSWORD), that service's cache is also compared with the
  anchors the service kept (central API 1.1 audit_anchors): a log rewritten after the fact,
  hashes and all, no longer matches them.
  Exit code: 0 intact, 1 broken, 2 bad usage or unreachable service.`;

/** One line per log: `audit: N rows, chain intact`, or the broken row and why. */
export function describeReport(label: string, report: ChainReport, anchorsNote: string): string {
  const head = `audit${label}: ${report.rows} rows, `;
  if (!report.broken) return `${head}chain intact${anchorsNote}`;
  const { seq, reason } = report.broken;
  return `${head}BROKEN at row ${seq}: ${reason.replace(/_/g, ' ')}${anchorsNote}`;
}

async function anchorsFrom(
  url: string,
  username: string,
  password: string,
  consoleId: string | null,
): Promise<{ anchors: AuditAnchor[]; note: string }> {
  const http = new CentralHttp(url);
  const session = await http.request('POST', '/session', z.object({ token: z.string() }), {
    username,
    password,
  });
  http.token = session.token;
  try {
    const { features } = await fetchCapabilities(http);
    if (!features.has(FEATURE))
      return { anchors: [], note: '; anchoring unavailable (the service speaks central API 1.0)' };
    if (consoleId === null)
      return { anchors: [], note: '; no anchors were ever sent from this log' };
    const anchors = await fetchAnchors(http, consoleId);
    return { anchors, note: `; compared with ${anchors.length} anchors kept by ${url}` };
  } finally {
    await http.request('DELETE', '/session', null).catch(() => undefined);
  }
}

async function main(): Promise<number> {
  exitOnUnsupportedNode();
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      central: { type: 'string' },
      username: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const central = values.central === undefined ? null : centralUrlSchema.safeParse(values.central);
  if (!dataDir || (central && (!central.success || !values.username))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const anchored = central?.success ? cacheFileFor(dataDir, central.data) : null;
  const files = readdirSync(dataDir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => join(dataDir, name));
  if (files.length === 0) {
    process.stderr.write(`No cache (*.db) in ${dataDir}\n`);
    return 2;
  }
  let broken = false;
  for (const file of files) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      let anchors: AuditAnchor[] = [];
      let note = central ? '' : '; not compared with anchors (no --central)';
      if (file === anchored && central?.success) {
        const consoleId = readLocalState<string>(db, CONSOLE_ID_KEY);
        const password = process.env.SARGS_PASSWORD ?? '';
        ({ anchors, note } = await anchorsFrom(
          central.data,
          values.username!,
          password,
          consoleId,
        ));
      }
      const report = verifyAuditChain(db, anchors);
      broken ||= report.broken !== null;
      const label = files.length > 1 || anchored ? ` ${file}` : '';
      process.stdout.write(`${describeReport(label, report, note)}\n`);
    } finally {
      db.close();
    }
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
