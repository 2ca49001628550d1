import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

/**
 * A real pseudo-terminal pair made by socat: bytes written at one path come out at the other, as
 * through a USB-serial cable. Killing socat is pulling the cable; starting it again at the same
 * paths is plugging it back in.
 */
export class PtyPair {
  private socat: ChildProcess | null = null;

  constructor(
    /** The console's end. */
    readonly consolePath: string,
    /** The station's end. */
    readonly stationPath: string,
  ) {}

  async plug(timeoutMs = 5000): Promise<void> {
    rmSync(this.consolePath, { force: true });
    rmSync(this.stationPath, { force: true });
    const socat = spawn(
      'socat',
      [`pty,raw,echo=0,link=${this.consolePath}`, `pty,raw,echo=0,link=${this.stationPath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let failure = '';
    socat.stderr?.on('data', (chunk: Buffer) => (failure += chunk.toString()));
    socat.on('error', (error) => (failure += error.message));
    this.socat = socat;
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.consolePath) || !existsSync(this.stationPath)) {
      if (failure || socat.exitCode !== null || Date.now() > deadline)
        throw new Error(
          `socat did not make the pair: ${failure || 'timed out'} (is socat installed?)`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Pulls the cable: both ends vanish. */
  async unplug(): Promise<void> {
    const socat = this.socat;
    this.socat = null;
    if (!socat || socat.exitCode !== null) return;
    const exited = new Promise((resolve) => socat.once('exit', resolve));
    socat.kill('SIGKILL');
    await exited;
    // Killed outright, socat leaves its links behind, pointing at terminals that are gone.
    rmSync(this.consolePath, { force: true });
    rmSync(this.stationPath, { force: true });
  }
}
