import { fieldCounts, typedSentence, type Sentence } from '../../../shared/stations/sentences';

/**
 * Framing of base-station protocol v1: `$BODY*CC\r\n`, CC the XOR of BODY's bytes in upper-case
 * hex, at most 200 bytes with `$` and `\r\n`. A bad line is dropped and counted by its reason;
 * the link carries on with the next `$`.
 */

export const MAX_SENTENCE_BYTES = 200;

export const dropReasons = [
  'too_long',
  'no_start',
  'no_checksum',
  'bad_checksum',
  'bad_character',
  'unknown_type',
  'field_count',
  'bad_value',
] as const;
export type DropReason = (typeof dropReasons)[number];

export type Decoded = { ok: true; sentence: Sentence } | { ok: false; reason: DropReason };

const HEX = '0123456789ABCDEF';

/** XOR of every byte of the body (ASCII), as two upper-case hex digits. */
export function checksum(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
  return HEX[sum >> 4]! + HEX[sum & 15]!;
}

/** A field may hold printable ASCII other than `$`, `*` and `,`. */
export function isFieldText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x24 || c === 0x2a || c === 0x2c) return false;
  }
  return true;
}

/** One sentence on the wire, `\r\n` included; throws if a field cannot be sent. */
export function encodeSentence(fields: readonly (string | number)[]): string {
  const texts = fields.map(String);
  const bad = texts.find((field) => !isFieldText(field));
  if (bad !== undefined) throw new Error(`A field may not hold ${JSON.stringify(bad)}`);
  const body = texts.join(',');
  const line = `$${body}*${checksum(body)}\r\n`;
  if (line.length > MAX_SENTENCE_BYTES)
    throw new Error(`A sentence is at most ${MAX_SENTENCE_BYTES} bytes (${line.length})`);
  return line;
}

function countFits(type: string, count: number): boolean | null {
  const expected = fieldCounts[type];
  if (expected === undefined) return null;
  return typeof expected === 'number'
    ? count === expected
    : count >= expected[0] && count <= expected[1];
}

/** Decodes one line that starts at `$` and has no terminator. */
export function decodeSentence(line: string): Decoded {
  if (line.length + 2 > MAX_SENTENCE_BYTES) return { ok: false, reason: 'too_long' };
  if (line.charCodeAt(0) !== 0x24) return { ok: false, reason: 'no_start' };
  const star = line.length - 3;
  if (star < 1 || line.charCodeAt(star) !== 0x2a) return { ok: false, reason: 'no_checksum' };
  const body = line.slice(1, star);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x24 || c === 0x2a)
      return { ok: false, reason: 'bad_character' };
  }
  if (line.slice(star + 1) !== checksum(body)) return { ok: false, reason: 'bad_checksum' };
  const fields = body.split(',');
  const type = fields[0]!;
  const fits = countFits(type, fields.length - 1);
  if (fits === null) return { ok: false, reason: 'unknown_type' };
  if (!fits) return { ok: false, reason: 'field_count' };
  const sentence = typedSentence(type, fields.slice(1));
  return sentence ? { ok: true, sentence } : { ok: false, reason: 'bad_value' };
}

export interface SplitterSink {
  line(decoded: Decoded, raw: string): void;
}

/**
 * Cuts a byte stream into lines at `\n` (a `\r` before it is optional) and decodes each. On a
 * line, text before its last `$` is garbage, counted once; the sentence starts at that `$`. A line
 * that grows without an end keeps only what can still matter (whether garbage came first, and the
 * start of the last `$`), so memory stays bounded and where the bytes were cut changes nothing.
 */
export class LineSplitter {
  private pending = '';
  /** The current line had text before `pending` that was dropped as garbage. */
  private garbage = false;

  constructor(private readonly sink: SplitterSink) {}

  /** Feeds bytes as they arrive (a Buffer is read as latin1: one char per byte). */
  push(chunk: string | Uint8Array): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      const line = start === 0 ? this.pending + text.slice(0, newline) : text.slice(start, newline);
      this.take(line, start === 0 && this.garbage);
      this.pending = '';
      this.garbage = false;
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.pending = start === 0 ? this.pending + text : text.slice(start);
    if (this.pending.length > 2 * MAX_SENTENCE_BYTES) this.compact();
  }

  /** Bytes that have not yet ended a line, dropped (on a reconnect). */
  reset(): void {
    this.pending = '';
    this.garbage = false;
  }

  private compact(): void {
    const dollar = this.pending.lastIndexOf('$');
    if (dollar !== 0) this.garbage = true;
    // Past the limit a sentence is too long whatever follows, until another `$` starts one.
    this.pending = dollar < 0 ? '' : this.pending.slice(dollar, dollar + MAX_SENTENCE_BYTES + 1);
  }

  private take(raw: string, garbageBefore: boolean): void {
    const line = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    const dollar = line.lastIndexOf('$');
    if (garbageBefore || (dollar !== 0 && line.length > 0))
      this.sink.line(
        { ok: false, reason: 'no_start' },
        dollar < 0 ? line.slice(0, 80) : line.slice(0, Math.min(dollar, 80)),
      );
    if (dollar >= 0) {
      const sentence = line.slice(dollar);
      this.sink.line(decodeSentence(sentence), sentence.slice(0, MAX_SENTENCE_BYTES));
    }
  }
}
