import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeFrame, FRAME_CONTENT_TYPE, holdsBytes } from '../../shared/api/binary-frame';
import { ConsoleApiError, type ApiErrorCode } from '../../shared/api/errors';

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_signed_in: 401,
  wrong_credentials: 401,
  locked: 423,
  forbidden: 403,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  move_waiting: 409,
  not_in_force: 409,
  unavailable: 503,
  station_refused: 409,
  station_no_answer: 504,
  station_not_connected: 409,
  internal: 500,
};

/** Headers on every answer: nothing may frame, sniff or leak the console's pages. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** An operation's answer: JSON, or a frame when it carries bytes (see shared/api/binary-frame.ts). */
export function sendAnswer(response: ServerResponse, value: unknown): void {
  if (!holdsBytes(value)) return sendJson(response, 200, value);
  const frame = encodeFrame(value);
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': FRAME_CONTENT_TYPE,
    'Content-Length': frame.byteLength,
    'Cache-Control': 'no-store',
  });
  response.end(frame);
}

export function sendError(response: ServerResponse, error: ConsoleApiError): void {
  sendJson(response, STATUS_BY_CODE[error.code], error.toBody());
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most MAX_BODY_BYTES; an empty body reads as `{}`. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ConsoleApiError('invalid_input', `Body larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    throw new ConsoleApiError('invalid_input', 'Body must be sent as application/json');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConsoleApiError('invalid_input', 'Body is not valid JSON');
  }
}
