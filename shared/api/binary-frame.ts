/**
 * An answer that carries bytes (a timeline's packed track) crosses the headless bridge as a frame
 * instead of JSON with base64 in it: the page decodes a 1.2 MB JSON text ~50 ms slower in Chromium
 * than it receives the same bytes (`Response.json()` is a UTF-8 decode, then a parse), and the core
 * spends as long writing it. Electron's IPC needs none of this: it clones a Uint8Array as it is.
 *
 * Layout: the JSON text's length in bytes (4, big-endian), the JSON text (UTF-8) in which each
 * Uint8Array stands as `{"$bytes":[offset,length]}`, then the bytes, offsets counted from their start.
 */
export const FRAME_CONTENT_TYPE = 'application/vnd.sargs.frame';

const HEADER_BYTES = 4;

// In every runtime the console has (Node, Chromium), but not in the shared code's types (no DOM).
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/** Whether a value holds any Uint8Array (plain objects and arrays, as answers are built). */
export function holdsBytes(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array) return true;
  if (ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsBytes(item)) return true;
    return false;
  }
  for (const key in value) if (holdsBytes((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** The frame of a value (see the layout above), as one buffer. */
export function encodeFrame(value: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof Uint8Array)) return item;
    parts.push(item);
    offset += item.byteLength;
    return { $bytes: [offset - item.byteLength, item.byteLength] };
  });
  const text = new TextEncoder().encode(json);
  const frame = new Uint8Array(HEADER_BYTES + text.byteLength + offset);
  new DataView(frame.buffer).setUint32(0, text.byteLength);
  frame.set(text, HEADER_BYTES);
  let at = HEADER_BYTES + text.byteLength;
  for (const part of parts) {
    frame.set(part, at);
    at += part.byteLength;
  }
  return frame;
}

const isRef = (item: unknown): item is { $bytes: [number, number] } => {
  if (typeof item !== 'object' || item === null || !('$bytes' in item)) return false;
  const ref = item.$bytes;
  return (
    Array.isArray(ref) &&
    ref.length === 2 &&
    Number.isSafeInteger(ref[0]) &&
    Number.isSafeInteger(ref[1])
  );
};

/** A frame's value, its Uint8Arrays views on `buffer` (no copy); throws on a malformed frame. */
export function decodeFrame(buffer: ArrayBuffer): unknown {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('frame: shorter than its header');
  const jsonBytes = new DataView(buffer).getUint32(0);
  const base = HEADER_BYTES + jsonBytes;
  if (base > buffer.byteLength) throw new Error('frame: its JSON runs past the end');
  const json = new TextDecoder().decode(new Uint8Array(buffer, HEADER_BYTES, jsonBytes));
  return JSON.parse(json, (_key, item: unknown) => {
    if (!isRef(item)) return item;
    const [offset, length] = item.$bytes;
    if (offset < 0 || length < 0 || base + offset + length > buffer.byteLength)
      throw new Error(`frame: bytes at ${offset} (${length}) run past the end`);
    return new Uint8Array(buffer, base + offset, length);
  }) as unknown;
}
