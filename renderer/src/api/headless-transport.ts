import { decodeFrame, FRAME_CONTENT_TYPE } from '../../../shared/api/binary-frame';
import type { Transport } from '../../../shared/api/console-api';
import { ConsoleApiError } from '../../../shared/api/errors';
import { events, isEventName, type EventName } from '../../../shared/api/registry';
import { setBridgeUp } from './bridge-status';

const MAX_BACKOFF_MS = 10_000;

/**
 * The ConsoleApi over the headless bridge: `POST /rpc/<operation>` for calls and one `/events`
 * WebSocket for every event, reconnected with backoff when it drops.
 */
export function createHeadlessTransport(origin: string, token: string): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let attempt = 0;

  function connect(): void {
    const socketUrl = new URL('/events', origin);
    socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    socketUrl.searchParams.set('token', token);
    const socket = new WebSocket(socketUrl);
    socket.onopen = () => {
      attempt = 0;
      setBridgeUp(true);
    };
    socket.onmessage = (message: MessageEvent<string>) => deliver(message.data);
    socket.onclose = (closed) => {
      setBridgeUp(false);
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt++);
      // Why it went, for whoever looks at the page's console (and a test's trace): 1006 is a
      // connection lost or refused, anything else the core's word.
      console.warn(
        `Events socket closed (${closed.code}${closed.reason ? `: ${closed.reason}` : ''}); reconnecting in ${delay} ms`,
      );
      setTimeout(connect, delay);
    };
  }

  function deliver(text: string): void {
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      console.warn('Dropped an events message that is not JSON');
      return;
    }
    const name = message.event;
    if (typeof name !== 'string' || !isEventName(name)) return;
    // Every event comes to every page; one nobody here listens to (the fixes, on the queue's
    // page: a thousand a second) is not worth checking.
    const heard = listeners.get(name);
    if (!heard || heard.size === 0) return;
    const parsed = events[name].safeParse(message.payload);
    if (!parsed.success) {
      console.warn(`Dropped a malformed ${name} event`, parsed.error.issues[0]);
      return;
    }
    for (const listener of heard) listener(parsed.data);
  }

  connect();

  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`/rpc/${name}`, origin), {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch (error) {
        throw new ConsoleApiError('unavailable', `Console core unreachable: ${String(error)}`);
      }
      if (response.ok && response.headers.get('Content-Type') === FRAME_CONTENT_TYPE) {
        try {
          return decodeFrame(await response.arrayBuffer());
        } catch (error) {
          throw new ConsoleApiError('internal', `Malformed answer to ${name}: ${String(error)}`);
        }
      }
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw ConsoleApiError.fromBody(body);
      return body;
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
