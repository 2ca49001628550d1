import { WebSocket } from 'ws';
import type { FixTuple } from '../../shared/domain/map';
import type { SoakConsole } from './soak-processes';

/**
 * The console's events socket as the soak itself hears it, beside the pages: when each fix left
 * the core. With the page's own arrival time this splits a fix's wait between the core (service to
 * socket) and the page (socket to handler, waiting behind the page's own tasks); the same for each
 * alert's first change, which splits its wait for the queue. Reconnects after
 * each restart of the console, as the pages do.
 */
export class CoreTap {
  private socket: WebSocket | null = null;
  private samples: number[] = [];
  /** When each alert was first heard (ms): joined with its raisedAt from the cache at the end. */
  readonly alertsHeard = new Map<string, number>();
  private closed = false;

  constructor(private readonly core: SoakConsole) {}

  open(): void {
    if (this.closed) return;
    const url = new URL('/events', this.core.origin);
    url.protocol = 'ws:';
    url.searchParams.set('token', this.core.token);
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.on('message', (data) => this.heard(String(data)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!this.closed) setTimeout(() => this.open(), 500).unref();
    });
  }

  /** [emittedAt, ms to leave the core, ...] since the last call. */
  drain(): number[] {
    const taken = this.samples;
    this.samples = [];
    return taken;
  }

  close(): void {
    this.closed = true;
    this.socket?.terminate();
  }

  private heard(text: string): void {
    const now = Date.now();
    const message = JSON.parse(text) as {
      event: string;
      payload: { fixes?: FixTuple[]; alerts?: { id: string }[] };
    };
    if (message.event === 'alerts.changed')
      for (const { id } of message.payload.alerts ?? [])
        if (!this.alertsHeard.has(id)) this.alertsHeard.set(id, now);
    if (message.event !== 'map.fixes') return;
    for (const fix of message.payload.fixes ?? []) this.samples.push(fix[3], now - fix[3]);
  }
}
