import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const BUNDLE = 'dist/electron/headless.cjs';
/** The console's output kept for a failed test's report: its last this many characters. */
const KEPT_OUTPUT = 64 * 1024;
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * The headless console as its own process: on `port` (0: a free one) with `dataDir`, the token by
 * environment (never on the command line, where `ps` shows it). From source through tsx (the
 * tests: what they test is the code as it stands), or `bundled`: `dist/electron/headless.cjs` as
 * it ships, in plain Node (the soak: its memory and CPU are the console's, not a TypeScript
 * loader's). Resolves with the child, the origin it listens on once it says so, and what it has
 * printed so far (its last 64 KiB, stdout and stderr as they came).
 */
export async function spawnHeadless(o: {
  dataDir: string;
  token: string;
  port?: number;
  args?: string[];
  bundled?: boolean;
}): Promise<{ child: ChildProcess; origin: string; output(): string }> {
  const entry = o.bundled ? [BUNDLE] : ['--import', 'tsx', 'electron/headless/cli.ts'];
  if (o.bundled && !existsSync(BUNDLE))
    throw new Error(`No ${BUNDLE}: run npm run build:electron first`);
  const child = spawn(
    process.execPath,
    [...entry, '--port', String(o.port ?? 0), '--data-dir', o.dataDir, ...(o.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SARGS_TOKEN: o.token } },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT);
  };
  // Before waitForOrigin's listeners: each chunk is kept before it is looked at.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, origin: await waitForOrigin(child, () => output), output: () => output };
}

function waitForOrigin(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`headless console did not start:\n${output()}`)),
      30_000,
    );
    const read = (): void => {
      const match = LISTENING.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', read);
        child.stderr?.off('data', read);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`headless console exited (${code}):\n${output()}`)),
    );
  });
}
