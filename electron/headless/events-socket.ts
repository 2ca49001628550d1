import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleCore } from '../core/console-core';

/**
 * The events WebSocket: every core event the session may receive (the core's gate decides) goes
 * to every authorised socket as `{"event": name, "payload": …}`. Clients never send anything on it.
 */
export class EventsSocket {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  private readonly unsubscribe: () => void;

  constructor(bus: ConsoleCore['events']) {
    this.server.on('connection', (socket) => this.attach(socket));
    // Written once for every socket: the fixes alone are a thousand a second, and each page has
    // its socket. Sent as text, as a page reads them.
    this.unsubscribe = bus.subscribe((event, payload) => {
      let text: Buffer | null = null;
      for (const socket of this.server.clients) {
        if (socket.readyState !== socket.OPEN) continue;
        text ??= Buffer.from(JSON.stringify({ event, payload }));
        socket.send(text, { binary: false });
      }
    });
  }

  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit('connection', ws));
  }

  private attach(socket: WebSocket): void {
    // Anything the page sends is ignored: the socket is one-way by contract.
    socket.on('message', () => undefined);
    // A page that breaks the protocol loses its socket, not the console (an 'error' without a
    // listener would throw); a close other than a page going away is said, with its code.
    socket.on('error', (error) => process.stderr.write(`events socket: ${error.message}\n`));
    socket.on('close', (code, reason) => {
      if (code === 1000 || code === 1001) return;
      process.stderr.write(`events socket closed (${code}${reason.length ? `: ${reason}` : ''})\n`);
    });
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Refuses an upgrade before any WebSocket handshake happens. */
export function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
