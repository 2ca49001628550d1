import { ConsoleApiError } from '../../../shared/api/errors';
import type { Sentence } from '../../../shared/stations/sentences';
import type { LinkCounters, LinkState, LogLine } from '../../../shared/domain/stations';
import { dropReasons, encodeSentence, LineSplitter, type Decoded, type DropReason } from './codec';
import type { OpenTransport, StationTransport } from './transport';

export interface LinkTiming {
  /** How long to wait for an answer before sending the command again (protocol: 2 s). */
  answerMs: number;
  /** Resends of one command with the same cmdId (protocol: at most 3). */
  resends: number;
  /** No sentence for this long marks the station silent. */
  silentMs: number;
  /** How often a lost port is tried again. */
  reopenMs: number;
}

export const PROTOCOL_TIMING: LinkTiming = {
  answerMs: 2000,
  resends: 3,
  silentMs: 25_000,
  reopenMs: 250,
};

const LOG_LINES = 500;

interface Queued {
  name: string;
  args: readonly (string | number)[];
  resolve(fields: string[]): void;
  reject(error: Error): void;
}

interface InFlight {
  cmdId: number;
  name: string;
  line: string;
  sends: number;
  timer: ReturnType<typeof setTimeout> | null;
  resolve(fields: string[]): void;
  reject(error: Error): void;
}

export interface LinkListener {
  sentence?(sentence: Sentence): void;
  /** A line dropped, with why. */
  dropped?(reason: DropReason, raw: string): void;
  state?(state: LinkState): void;
}

/**
 * One station at the end of a port: sentences in, commands out one at a time with their cmdId,
 * the answer awaited 2 s and the command sent again (same cmdId) at most 3 times. A port that
 * closes by itself is opened again until the device is back; a station that says nothing for
 * 25 s is marked silent. Bad lines are dropped and counted; the link never closes for them.
 */
export class StationLink {
  private transport: StationTransport | null = null;
  private state: LinkState = 'connecting';
  private readonly splitter: LineSplitter;
  private readonly counters: LinkCounters = emptyCounters();
  /** The last LOG_LINES lines, a ring: `logNext` is where the next one goes. */
  private readonly log: LogLine[] = [];
  private logNext = 0;
  // A random start: a station that remembers cmdIds from before a console restart must not
  // take a new command for a repeat of an old one.
  private lastCmdId = Math.floor(Math.random() * 65535);
  private inFlight: InFlight | null = null;
  private readonly queue: Queued[] = [];
  private lastHeard = 0;
  private lastHeardAt: string | null = null;
  private silenceTimer: ReturnType<typeof setInterval> | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly listeners = new Set<LinkListener>();

  constructor(
    readonly path: string,
    private readonly open: OpenTransport,
    private readonly timing: LinkTiming = PROTOCOL_TIMING,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.splitter = new LineSplitter({ line: (decoded, raw) => this.received(decoded, raw) });
  }

  /** Opens the port; rejects if it cannot be opened the first time. */
  async start(): Promise<void> {
    this.attach(await this.open(this.path));
    this.silenceTimer = setInterval(() => this.checkSilence(), 1000);
    this.silenceTimer.unref?.();
  }

  listen(listener: LinkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get current(): { state: LinkState; counters: LinkCounters; lastHeardAt: string | null } {
    return {
      state: this.state,
      counters: structuredClone(this.counters),
      lastHeardAt: this.lastHeardAt,
    };
  }

  logLines(): LogLine[] {
    return [...this.log.slice(this.logNext), ...this.log.slice(0, this.logNext)];
  }

  /** Sends a command and resolves with the answer's fields after the cmdId. */
  command(name: string, args: readonly (string | number)[] = []): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const queued = { name, args, resolve, reject };
      if (this.closed) reject(notConnected('closed'));
      else if (this.inFlight) this.queue.push(queued);
      else this.send(queued);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.silenceTimer) clearInterval(this.silenceTimer);
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.failAll(notConnected('closed'));
    this.setState('closed');
    await this.transport?.close();
    this.transport = null;
  }

  private attach(transport: StationTransport): void {
    this.transport = transport;
    this.splitter.reset();
    transport.onData((chunk) => this.splitter.push(chunk));
    transport.onLost(() => this.lost(transport));
    // Silence is counted from the moment the port opened, not from before it was lost.
    this.lastHeard = performance.now();
    this.setState('open');
    // A command that was waiting while the port was gone goes out again now.
    if (this.inFlight) this.transmit(this.inFlight);
  }

  private lost(transport: StationTransport): void {
    if (this.closed || this.transport !== transport) return;
    this.transport = null;
    void transport.close().catch(() => undefined);
    this.setState('unplugged');
    this.scheduleReopen();
  }

  private scheduleReopen(): void {
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (this.closed) return;
      this.open(this.path).then(
        (transport) => {
          if (this.closed) void transport.close();
          else this.attach(transport);
        },
        () => this.scheduleReopen(),
      );
    }, this.timing.reopenMs);
  }

  private checkSilence(): void {
    if (this.state === 'open' && performance.now() - this.lastHeard >= this.timing.silentMs)
      this.setState('silent');
  }

  private send({ name, args, resolve, reject }: Queued): void {
    this.lastCmdId = (this.lastCmdId % 65535) + 1;
    let line: string;
    try {
      line = encodeSentence(['SBC', this.lastCmdId, name, ...args]);
    } catch (error) {
      reject(new ConsoleApiError('invalid_input', (error as Error).message, 'args'));
      this.next();
      return;
    }
    this.inFlight = { cmdId: this.lastCmdId, name, line, sends: 0, timer: null, resolve, reject };
    this.transmit(this.inFlight);
  }

  private transmit(command: InFlight): void {
    if (command.timer) clearTimeout(command.timer);
    command.sends++;
    if (this.transport) {
      this.transport.write(command.line);
      this.remember('out', command.line.trimEnd(), null);
    }
    command.timer = setTimeout(() => this.timedOut(command), this.timing.answerMs);
  }

  private timedOut(command: InFlight): void {
    if (this.inFlight !== command) return;
    if (command.sends <= this.timing.resends) {
      this.counters.resends++;
      this.transmit(command);
      return;
    }
    this.counters.timeouts++;
    this.settle(command, () =>
      command.reject(
        new ConsoleApiError('station_no_answer', `No answer to ${command.name}`, undefined, {
          command: command.name,
        }),
      ),
    );
  }

  private settle(command: InFlight, finish: () => void): void {
    if (command.timer) clearTimeout(command.timer);
    this.inFlight = null;
    finish();
    this.next();
  }

  private next(): void {
    const queued = this.queue.shift();
    if (queued) this.send(queued);
  }

  private failAll(error: Error): void {
    for (const queued of this.queue.splice(0)) queued.reject(error);
    const command = this.inFlight;
    if (command) this.settle(command, () => command.reject(error));
  }

  private received(decoded: Decoded, raw: string): void {
    if (!decoded.ok) {
      this.counters.dropped[decoded.reason] = (this.counters.dropped[decoded.reason] ?? 0) + 1;
      this.remember('in', raw, decoded.reason);
      for (const listener of this.listeners) listener.dropped?.(decoded.reason, raw);
      return;
    }
    const { sentence } = decoded;
    this.counters.good++;
    this.lastHeard = performance.now();
    this.lastHeardAt = this.now().toISOString();
    if (this.state === 'silent') this.setState('open');
    this.remember('in', raw, null);
    if (sentence.type === 'SBA' || sentence.type === 'SBN') this.answered(sentence);
    for (const listener of this.listeners) listener.sentence?.(sentence);
  }

  private answered(sentence: Extract<Sentence, { type: 'SBA' | 'SBN' }>): void {
    const command = this.inFlight;
    // An answer to an earlier command that already timed out: nobody waits for it.
    if (!command || command.cmdId !== sentence.cmdId) {
      this.counters.strayAnswers++;
      return;
    }
    if (sentence.type === 'SBA') this.settle(command, () => command.resolve(sentence.fields));
    else
      this.settle(command, () =>
        command.reject(
          new ConsoleApiError('station_refused', sentence.text || sentence.errorCode, undefined, {
            command: command.name,
            stationCode: sentence.errorCode,
            text: sentence.text,
          }),
        ),
      );
  }

  private remember(direction: LogLine['direction'], text: string, reason: DropReason | null): void {
    this.log[this.logNext] = { at: this.now().toISOString(), direction, text, reason };
    this.logNext = (this.logNext + 1) % LOG_LINES;
  }

  private setState(state: LinkState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.listeners) listener.state?.(state);
  }
}

function notConnected(state: LinkState): ConsoleApiError {
  return new ConsoleApiError('station_not_connected', `The station link is ${state}`, undefined, {
    state,
  });
}

export function emptyCounters(): LinkCounters {
  const dropped = Object.fromEntries(dropReasons.map((r) => [r, 0])) as Record<DropReason, number>;
  return { good: 0, dropped, resends: 0, timeouts: 0, strayAnswers: 0 };
}
