/**
 * better-sqlite3 13 crashes on Node 20 and vitest needs 22.12, so the console refuses an older
 * runtime up front with a message that says what to do, instead of failing later in a native call.
 */
export const MINIMUM_NODE = { major: 22, minor: 12 } as const;

export function unsupportedNodeMessage(version: string): string | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return `Cannot read the Node.js version "${version}".`;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const ok =
    major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor);
  if (ok) return null;
  return (
    `Sargs needs Node.js ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} or newer; this is ${version}. ` +
    `Run scripts/setup.sh (it installs Node 22 into .tools/ when the system one is older) ` +
    `and put the Node it prints first on PATH.`
  );
}

export function exitOnUnsupportedNode(version = process.versions.node): void {
  const message = unsupportedNodeMessage(version);
  if (message === null) return;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
