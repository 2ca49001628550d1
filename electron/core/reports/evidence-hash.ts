import { createHash } from 'node:crypto';

/**
 * An evidence file carries its own SHA-256: in its information dictionary and in every page's
 * footer. The hash is taken over the file with those places holding zeros, then written into
 * them; `verifyEvidence` reads the claimed value, puts the zeros back and hashes again, so a single
 * byte changed anywhere (the hash itself included) is found. The footer is set in Courier, a PDF
 * standard font whose text the file holds as plain hex codes, and the file is not compressed, so
 * the places can be found without a PDF parser.
 */
export const HASH_ZEROS = '0'.repeat(64);
const INFO_KEY = 'SargsSha256';

const hexOfAscii = (text: string): string => Buffer.from(text, 'latin1').toString('hex');
/** How the info dictionary and the footer hold the hash in the file's bytes. */
const forms = (hash: string): string[] => [`(${hash})`, `<${hexOfAscii(`SHA-256 ${hash}`)}>`];

export const evidenceInfo = { [INFO_KEY]: HASH_ZEROS };
export const footerText = (hash: string): string => `SHA-256 ${hash}`;

function replaceAll(bytes: Buffer, from: string, to: string): number {
  const find = Buffer.from(from, 'latin1');
  const put = Buffer.from(to, 'latin1');
  let count = 0;
  for (let at = bytes.indexOf(find); at >= 0; at = bytes.indexOf(find, at + put.length)) {
    put.copy(bytes, at);
    count += 1;
  }
  return count;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Writes the file's hash into its zeroed places; returns the stamped file and the hash. */
export function stampEvidence(file: Buffer, pages: number): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(file);
  const [info, footer] = forms(HASH_ZEROS);
  const places = bytes.indexOf(Buffer.from(`/${INFO_KEY}`, 'latin1'));
  if (places < 0) throw new Error('evidence file without its hash entry');
  const hash = sha256(bytes);
  const [infoNow, footerNow] = forms(hash);
  if (replaceAll(bytes, info!, infoNow!) !== 1 || replaceAll(bytes, footer!, footerNow!) !== pages)
    throw new Error('evidence file: the hash places are not where they should be');
  return { bytes, sha256: hash };
}

export type Verdict =
  | { ok: true; sha256: string }
  | { ok: false; reason: 'no_hash' | 'mismatch'; claimed: string | null; computed: string | null };

/** Recomputes an evidence file's hash and compares it with the one it carries. */
export function verifyEvidence(file: Buffer): Verdict {
  const text = file.toString('latin1');
  const entry = new RegExp(`/${INFO_KEY} (\\d+) 0 R`).exec(text);
  const object = entry
    ? new RegExp(`\\n${entry[1]} 0 obj\\s*\\(([0-9a-f]{64})\\)`).exec(text)
    : null;
  const claimed = object?.[1] ?? null;
  if (claimed === null || claimed === HASH_ZEROS)
    return { ok: false, reason: 'no_hash', claimed, computed: null };
  const bytes = Buffer.from(file);
  const [info, footer] = forms(claimed);
  const [infoZero, footerZero] = forms(HASH_ZEROS);
  replaceAll(bytes, info!, infoZero!);
  replaceAll(bytes, footer!, footerZero!);
  const computed = sha256(bytes);
  return computed === claimed
    ? { ok: true, sha256: computed }
    : { ok: false, reason: 'mismatch', claimed, computed };
}
