import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamEvent } from '../../../shared/central/stream';
import type { Faults } from './faults';
import type { ServiceState } from './service-state';

const SEND_BUFFER_HIGH = 4 * 1024 * 1024;
const SEND_BUFFER_LOW = 1024 * 1024;

/** Resolves when the socket's send buffer is low again (or the socket is gone). */
async function drained(socket: WebSocket): Promise<void> {
  while (socket.readyState === socket.OPEN && socket.bufferedAmount > SEND_BUFFER_LOW) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * `GET /api/v1/stream?after=SEQ`: replays every kept event after SEQ, then sends new ones as they
 * happen, with a heartbeat when nothing else was sent for `heartbeatMs`. A cursor older than the
 * log gets `reset` and the connection is closed.
 */
export class StreamHub {
  readonly server = new WebSocketServer({ noServer: true });

  constructor(
    private readonly state: ServiceState,
    private readonly faults: Faults,
    private readonly heartbeatMs: number,
  ) {}

  open(socket: WebSocket, after: number): void {
    let sent = 0;
    let lastSent = Date.now();
    const dropAfter = this.faults.dropStreamAfter;
    this.faults.dropStreamAfter = null;
    const send = (message: string): boolean => {
      if (socket.readyState !== socket.OPEN) return false;
      socket.send(message);
      lastSent = Date.now();
      sent += 1;
      if (dropAfter !== null && sent >= dropAfter) {
        socket.terminate();
        return false;
      }
      return true;
    };
    const sendEvent = (event: StreamEvent): boolean => send(JSON.stringify(event));

    if (this.faults.malformedNext) {
      this.faults.malformedNext = false;
      send('{"seq": "not a number", "type": "position"');
    }
    // A cursor beyond the newest seq comes from another log (this simulator was restarted):
    // resuming from it would skip every event up to it, so it is told to reset too.
    const foreign = after > this.state.seq;
    if (after < this.state.oldestResumableSeq || foreign) {
      sendEvent({
        seq: this.state.seq,
        at: this.state.now().toISOString(),
        type: 'reset',
        data: {
          reason: foreign
            ? `cursor ${after} is not from this service's log`
            : `cursor ${after} is older than the log`,
        },
      });
      socket.close(1000, 'reset');
      return;
    }
    // Live events that happen during the replay wait here, so the socket sees seqs in order.
    const held: { seq: number; json: string }[] = [];
    let replaying = true;
    const unsubscribe = this.state.subscribe((event, json) => {
      if (replaying) held.push({ seq: event.seq, json });
      else send(json);
    });
    const heartbeat = setInterval(
      () => {
        if (!replaying && Date.now() - lastSent >= this.heartbeatMs) {
          sendEvent({
            seq: this.state.seq,
            at: this.state.now().toISOString(),
            type: 'heartbeat',
            data: {},
          });
        }
      },
      Math.min(1000, this.heartbeatMs),
    );
    void (async () => {
      let last = after;
      const until = this.state.seq;
      for (const event of this.state.eventsAfter(after)) {
        if (!send(event.json)) return;
        if (this.faults.duplicateReplay && !send(event.json)) return;
        last = event.seq;
        // Backpressure: a slow console fills the send buffer; wait for it instead of the heap.
        if (socket.bufferedAmount > SEND_BUFFER_HIGH) await drained(socket);
      }
      if (last < until) {
        // The log was trimmed past this replay while it waited for the console: end the stream
        // rather than skip events; the console reconnects and is told to reset.
        socket.close(1011, 'replay fell behind the log');
        return;
      }
      for (const event of held) if (event.seq > last) send(event.json);
      held.length = 0;
      replaying = false;
    })();
    socket.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
    });
    socket.on('error', () => socket.terminate());
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}
