import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseHeadlessArgs } from '../../../../electron/headless/args';

describe('headless arguments', () => {
  it('has sensible defaults', () => {
    expect(parseHeadlessArgs([])).toEqual({
      port: DEFAULT_PORT,
      dataDir: null,
      central: null,
      token: null,
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
        '--token',
        'abcdefghijklmnop',
      ]),
    ).toEqual({
      port: 0,
      dataDir: '/tmp/x',
      central: 'http://127.0.0.1:8700',
      token: 'abcdefghijklmnop',
    });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--port', '12a'], /--port/],
    [['--central', 'ftp://x'], /http or https/],
    [['--central', 'nonsense'], /must be an http or https URL/],
    [['--token', 'short'], /--token/],
    [['--host', '0.0.0.0'], /Unknown option/],
    [['stray'], /positional/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHeadlessArgs(argv)).toThrow(message);
  });
});
