import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseHeadlessArgs, readToken } from '../../../../electron/headless/args';

describe('headless arguments', () => {
  it('has sensible defaults', () => {
    expect(parseHeadlessArgs([])).toEqual({
      port: DEFAULT_PORT,
      dataDir: null,
      central: null,
      tokenFile: null,
    });
  });

  it('reads every option', () => {
    expect(
      parseHeadlessArgs([
        '--port',
        '0',
        '--data-dir',
        '/tmp/x',
        '--central',
        'http://127.0.0.1:8700/',
        '--token-file',
        '/run/sargs/token',
      ]),
    ).toEqual({
      port: 0,
      dataDir: '/tmp/x',
      central: 'http://127.0.0.1:8700',
      tokenFile: '/run/sargs/token',
    });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--port', '12a'], /--port/],
    [['--central', 'ftp://x'], /https URL/],
    [['--central', 'nonsense'], /https URL/],
    // Plain http crosses the network in clear: only this machine may be reached that way.
    [['--central', 'http://central.example.lv'], /https URL/],
    // A token on the command line shows in `ps` to every local user.
    [['--token', 'abcdefghijklmnop'], /Unknown option '--token'/],
    [['--host', '0.0.0.0'], /Unknown option/],
    [['stray'], /positional/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHeadlessArgs(argv)).toThrow(message);
  });

  it('takes the token from a private file, else SARGS_TOKEN, else none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sargs-token-'));
    const file = join(dir, 'token');
    writeFileSync(file, 'abcdefghijklmnopqrst\n', { mode: 0o600 });
    expect(readToken(file, {})).toBe('abcdefghijklmnopqrst');
    expect(readToken(null, { SARGS_TOKEN: 'zyxwvutsrqponmlkji' })).toBe('zyxwvutsrqponmlkji');
    expect(readToken(null, {})).toBeNull();
    expect(() => readToken(null, { SARGS_TOKEN: 'short' })).toThrow(/16 to 128/);
    chmodSync(file, 0o644);
    expect(() => readToken(file, {})).toThrow(/owner only/);
  });
});
