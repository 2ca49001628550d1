import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConsoleCore } from '../core/console-core';
import { defaultDataDir } from '../core/runtime/data-dir';
import { exitOnUnsupportedNode } from '../core/runtime/node-version';
import { parseHeadlessArgs, readToken, USAGE, type HeadlessArgs } from './args';
import { startHeadlessServer } from './server';

/**
 * `npm run headless`: the whole console core behind a loopback HTTP + WebSocket bridge, for
 * machines without Electron and for the end-to-end tests that drive it in Chromium.
 */
async function main(): Promise<void> {
  exitOnUnsupportedNode();
  // Files this console creates (cache, WAL, settings) are its user's alone.
  process.umask(0o077);
  let args: HeadlessArgs;
  let given: string | null;
  try {
    args = parseHeadlessArgs(process.argv.slice(2));
    given = readToken(args.tokenFile, process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const staticRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!existsSync(join(staticRoot, 'index.html'))) {
    process.stderr.write(`No built renderer in ${staticRoot}: run npm run build:renderer first.\n`);
  }
  const token = given ?? randomBytes(24).toString('base64url');
  const dataDir = args.dataDir ?? defaultDataDir();
  // Bundled (dist/electron/headless.cjs), the store's compiled worker lies next to it; from
  // source there is none, and the store runs its TypeScript worker.
  const bundledWorker = fileURLToPath(new URL('./store-worker.cjs', import.meta.url));
  const core = await createConsoleCore({
    dataDir,
    mode: 'headless',
    storeWorkerUrl: existsSync(bundledWorker) ? bundledWorker : undefined,
    // --central wins; without it, the service set in Settings, or the training simulator.
    central: args.central ?? undefined,
  });
  const server = await startHeadlessServer({ core, token, port: args.port, staticRoot });

  process.stdout.write(
    `Sargs headless console listening on ${server.url}\n` +
      `  data directory: ${dataDir}\n` +
      `  open: ${server.url}/#token=${token}\n`,
  );

  const stop = async (signal: string): Promise<void> => {
    process.stdout.write(`Stopping on ${signal}\n`);
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Sargs headless console failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
