import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript child (`node --import tsx`), waits for its first line of output (it is
 * working), lets it go on for `afterMs`, then kills it with SIGKILL: a crash at a moment nobody
 * chose. Rejects if the child ends by itself.
 */
export function runUntilBusyThenKill(
  script: string,
  args: string[],
  afterMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`${script} ended by itself (${code}): ${errors}`)),
    );
  });
}
