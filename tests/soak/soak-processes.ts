import { spawn, type ChildProcess } from 'node:child_process';
import { spawnHeadless } from '../helpers/headless-process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

/** The soak's simulator, in its own process, steered by lines (see soak-simulator.ts). */
export interface SoakService {
  url: string;
  pid: number;
  send(line: string): void;
  /** The rest of the next output line that starts with `prefix`. */
  next(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSoakService(clients: number, rate: number): Promise<SoakService> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', 'tests/soak/soak-simulator.ts'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, SOAK_CLIENTS: String(clients), SOAK_RATE: String(rate) },
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const next = (prefix: string): Promise<string> =>
    new Promise((resolve) => {
      const onLine = (line: string): void => {
        if (!line.startsWith(`${prefix} `)) return;
        lines.off('line', onLine);
        resolve(line.slice(prefix.length + 1));
      };
      lines.on('line', onLine);
    });
  const url = await next('ready');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    pid: child.pid!,
    send: (line) => void child.stdin!.write(`${line}\n`),
    next,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A free loopback port: the console keeps it across restarts, so the pages find it again. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The headless console under test, as its own process on a fixed port and token with one data
 * directory, so that it can be killed (SIGKILL, as a crash) and started again where it was.
 */
export class SoakConsole {
  readonly token = randomBytes(18).toString('base64url');
  private child: ChildProcess | null = null;
  private port = 0;

  constructor(
    private readonly dataDir: string,
    private readonly central: string,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const { child } = await spawnHeadless({
      dataDir: this.dataDir,
      token: this.token,
      port: this.port,
      args: ['--central', this.central],
      bundled: true,
    });
    this.child = child;
  }

  /** A crash: no chance to finish anything. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** One operation over the bridge, as the pages call it. */
  async rpc<T>(name: string, body: unknown = {}): Promise<T> {
    const answer = await fetch(`${this.origin}/rpc/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await answer.json()) as T & { error?: { code: string; message: string } };
    if (!answer.ok) throw Object.assign(new Error(json.error?.message), { code: json.error?.code });
    return json;
  }
}

/** Resident memory (bytes) and CPU seconds used so far of a process, from /proc. */
export function processUsage(pid: number): { rss: number; cpuS: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rss: rssKb * 1024, cpuS: ticks / 100 };
  } catch {
    return null;
  }
}
