import { readFileSync } from 'node:fs';
import { verifyEvidence } from './evidence-hash';

const USAGE = `Usage: npm run evidence:verify -- FILE.pdf [FILE.pdf ...]
  Recomputes an evidence PDF's SHA-256 (the file with its own hash read as zeros) and compares it
  with the hash the file carries in its footer and information dictionary.
  Exit code: 0 every file intact, 1 a file changed or without a hash, 2 bad usage or unreadable.`;

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0 || files.includes('--help')) {
  console.error(USAGE);
  process.exit(2);
}
let worst = 0;
for (const file of files) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`);
    worst = 2;
    continue;
  }
  const verdict = verifyEvidence(bytes);
  if (verdict.ok) {
    process.stdout.write(`${file}: intact, SHA-256 ${verdict.sha256}\n`);
    continue;
  }
  worst = Math.max(worst, 1);
  process.stdout.write(
    verdict.reason === 'no_hash'
      ? `${file}: REJECTED: no evidence hash in this file\n`
      : `${file}: REJECTED: changed since export (carries ${verdict.claimed}, content is ${verdict.computed})\n`,
  );
}
process.exit(worst);
