import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamEvent } from '../../../shared/central/stream';
import type { Faults } from './faults';
import type { ServiceState } from './service-state';

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
    if (after < this.state.oldestResumableSeq) {
      sendEvent({
        seq: this.state.seq,
        at: this.state.now().toISOString(),
        type: 'reset',
        data: { reason: `cursor ${after} is older than the log` },
      });
      socket.close(1000, 'reset');
      return;
    }
    for (const event of this.state.eventsAfter(after)) {
      if (!sendEvent(event)) return;
      if (this.faults.duplicateReplay && !sendEvent(event)) return;
    }
    const unsubscribe = this.state.subscribe((event) => void sendEvent(event));
    const heartbeat = setInterval(
      () => {
        if (Date.now() - lastSent >= this.heartbeatMs) {
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
