import { centralUrlSchema } from '../../shared/domain/settings';
import { parseArgs } from 'node:util';

export interface HeadlessArgs {
  port: number;
  dataDir: string | null;
  central: string | null;
  token: string | null;
}

export const DEFAULT_PORT = 7330;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export const USAGE = `Usage: npm run headless -- [--port N] [--data-dir DIR] [--central URL] [--token T]
  --port N        loopback port to listen on (0 picks a free one; default ${DEFAULT_PORT})
  --data-dir DIR  where the cache and settings live (default: the desktop console's)
  --central URL   base URL of the central service (default: the one set in Settings, else the built-in training simulator)
  --token T       access token for this run, 16-128 of [A-Za-z0-9_-] (default: random)`;

/** Parses the command line, throwing an Error whose message says which option is wrong. */
export function parseHeadlessArgs(argv: string[]): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      central: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: parsePort(values.port),
    dataDir: values['data-dir'] ?? null,
    central: values.central === undefined ? null : parseCentral(values.central),
    token: values.token === undefined ? null : parseToken(values.token),
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new Error(`--port must be 0 to 65535, not "${raw}"`);
  return port;
}

function parseCentral(raw: string): string {
  const parsed = centralUrlSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`--central must be an http or https URL, not "${raw}"`);
  return parsed.data;
}

function parseToken(raw: string): string {
  if (!TOKEN_PATTERN.test(raw)) throw new Error('--token must be 16 to 128 of [A-Za-z0-9_-]');
  return raw;
}
