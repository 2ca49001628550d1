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
 * Cuts a byte stream into lines at `\n` (a `\r` before it is optional) and decodes each. Text
 * before a `$` on a line is garbage and counted; a line that grows past the limit without an end
 * is dropped, and the splitter waits for the next `$`.
 */
export class LineSplitter {
  private pending = '';
  private skipping = false;

  constructor(private readonly sink: SplitterSink) {}

  /** Feeds bytes as they arrive (a Buffer is read as latin1: one char per byte). */
  push(chunk: string | Uint8Array): void {
    let text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    if (this.skipping) {
      const dollar = text.indexOf('$');
      const newline = text.indexOf('\n');
      if (dollar < 0 && newline < 0) return;
      // Whichever comes first ends the skip: a new line or a new sentence.
      const cut = dollar < 0 ? newline + 1 : newline < 0 ? dollar : Math.min(dollar, newline + 1);
      text = text.slice(cut);
      this.skipping = false;
    }
    let start = 0;
    let newline = text.indexOf('\n');
    if (newline >= 0 && this.pending !== '') {
      this.take(this.pending + text.slice(0, newline));
      this.pending = '';
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    while (newline >= 0) {
      this.take(text.slice(start, newline));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    const rest = start === 0 ? this.pending + text : text.slice(start);
    this.pending = rest.length > MAX_SENTENCE_BYTES ? this.overflow(rest) : rest;
  }

  /** Bytes that have not yet ended a line, dropped (on a reconnect). */
  reset(): void {
    this.pending = '';
    this.skipping = false;
  }

  private overflow(rest: string): string {
    const dollar = rest.lastIndexOf('$');
    if (dollar > 0 && rest.length - dollar <= MAX_SENTENCE_BYTES) {
      this.sink.line({ ok: false, reason: 'no_start' }, rest.slice(0, dollar));
      return rest.slice(dollar);
    }
    this.sink.line({ ok: false, reason: 'too_long' }, rest.slice(0, 80));
    this.skipping = true;
    return '';
  }

  private take(raw: string): void {
    const line = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    if (line.length === 0) return;
    const dollar = line.lastIndexOf('$');
    if (dollar < 0) {
      this.sink.line({ ok: false, reason: 'no_start' }, line);
      return;
    }
    if (dollar > 0) this.sink.line({ ok: false, reason: 'no_start' }, line.slice(0, dollar));
    const sentence = dollar > 0 ? line.slice(dollar) : line;
    this.sink.line(decodeSentence(sentence), sentence);
  }
}
