import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { centralUrlSchema } from '../../shared/domain/settings';

export interface HeadlessArgs {
  port: number;
  dataDir: string | null;
  central: string | null;
  /** A file holding the run's token (0600); null: SARGS_TOKEN, or a random one. */
  tokenFile: string | null;
}

export const DEFAULT_PORT = 7330;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
export const TOKEN_ENV = 'SARGS_TOKEN';

export const USAGE = `Usage: npm run headless -- [--port N] [--data-dir DIR] [--central URL] [--token-file FILE]
  --port N           loopback port to listen on (0 picks a free one; default ${DEFAULT_PORT})
  --data-dir DIR     where the cache and settings live (default: the desktop console's)
  --central URL      base URL of the central service, https (http only on loopback)
                     (default: the one set in Settings, else the built-in training simulator)
  --token-file FILE  a file readable by its owner only (0600) holding this run's access token,
                     16-128 of [A-Za-z0-9_-]; or set ${TOKEN_ENV}; default: a random token
  (There is no --token: a token on the command line is visible to every local user in ps.)`;

/** Parses the command line, throwing an Error whose message says which option is wrong. */
export function parseHeadlessArgs(argv: string[]): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      central: { type: 'string' },
      'token-file': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: parsePort(values.port),
    dataDir: values['data-dir'] ?? null,
    central: values.central === undefined ? null : parseCentral(values.central),
    tokenFile: values['token-file'] ?? null,
  };
}

/**
 * The run's token: from --token-file (which must not be readable by others), else SARGS_TOKEN,
 * else null (the caller makes a random one).
 */
export function readToken(tokenFile: string | null, env: NodeJS.ProcessEnv): string | null {
  if (tokenFile !== null) {
    const mode = statSync(tokenFile).mode & 0o077;
    if (process.platform !== 'win32' && mode !== 0)
      throw new Error(`--token-file ${tokenFile} must be readable by its owner only (chmod 600)`);
    return parseToken(readFileSync(tokenFile, 'utf8').trim(), '--token-file');
  }
  const fromEnv = env[TOKEN_ENV];
  return fromEnv === undefined || fromEnv === '' ? null : parseToken(fromEnv, TOKEN_ENV);
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
  if (!parsed.success)
    throw new Error(`--central must be an https URL (http only on loopback), not "${raw}"`);
  return parsed.data;
}

function parseToken(raw: string, where: string): string {
  if (!TOKEN_PATTERN.test(raw))
    throw new Error(`${where}: the token must be 16 to 128 of [A-Za-z0-9_-]`);
  return raw;
}
