import WebSocket from 'ws';
import { parseStreamEvent, type StreamEvent } from '../../../shared/central/stream';

export interface StreamHandlers {
  onOpen(): void;
  onEvent(event: Exclude<StreamEvent, { type: 'reset' }>): void;
  onReset(reason: string): void;
  /** A message that is not a valid event: counted and skipped, the stream goes on. */
  onMalformed(detail: string): void;
  onClose(reason: string, status: number | null): void;
}

export interface StreamConnection {
  close(): void;
  /** Stops reading from the socket (TCP then holds the service back) until resume(). */
  pause(): void;
  resume(): void;
}

/**
 * One WebSocket to `/stream?after=SEQ`. Every message is parsed with zod; a connection that is
 * silent for `silenceMs` is treated as dead (central-api.md: 45 s) and closed.
 */
export function openStream(
  baseUrl: string,
  token: string,
  after: number,
  handlers: StreamHandlers,
  silenceMs = 45_000,
): StreamConnection {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream?after=${after}`;
  const socket = new WebSocket(url, {
    headers: { Authorization: `Bearer ${token}` },
    maxPayload: 16 * 1024 * 1024,
    // Every message is parsed as JSON and checked field by field right after; a separate UTF-8
    // pass over each frame costs time a catch-up does not have (bad bytes fail those checks).
    skipUTF8Validation: true,
  });
  let closed = false;
  // One timer for the connection, not one per message: a catch-up brings tens of thousands of
  // messages a second. Checking a few times per silence period keeps the 45 s accurate enough.
  let lastMessageMs = Date.now();
  const watchdog = setInterval(
    () => {
      if (Date.now() - lastMessageMs >= silenceMs)
        finish(`no message for ${silenceMs / 1000} s`, null);
    },
    Math.max(10, Math.min(1000, silenceMs / 5)),
  );
  const finish = (reason: string, status: number | null): void => {
    if (closed) return;
    closed = true;
    clearInterval(watchdog);
    socket.removeAllListeners();
    socket.on('error', () => undefined);
    socket.terminate();
    handlers.onClose(reason, status);
  };

  socket.on('open', () => {
    lastMessageMs = Date.now();
    handlers.onOpen();
  });
  socket.on('message', (data: Buffer) => {
    lastMessageMs = Date.now();
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      handlers.onMalformed('not JSON');
      return;
    }
    const parsed = parseStreamEvent(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      handlers.onMalformed(`${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    if (parsed.data.type === 'reset') handlers.onReset(parsed.data.data.reason);
    else handlers.onEvent(parsed.data);
  });
  socket.on('unexpected-response', (_request, response) =>
    finish(`refused with HTTP ${response.statusCode}`, response.statusCode ?? null),
  );
  socket.on('error', (error) => finish(error.message, null));
  socket.on('close', (code) => finish(`closed (${code})`, null));
  return {
    close: () => finish('closed by the console', null),
    pause: () => {
      if (!closed) socket.pause();
    },
    resume: () => {
      if (!closed) socket.resume();
    },
  };
}
