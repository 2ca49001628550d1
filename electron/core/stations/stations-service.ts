import { ConsoleApiError } from '../../../shared/api/errors';
import type { Sentence } from '../../../shared/stations/sentences';
import type { StationMode, StationsState } from '../../../shared/domain/stations';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';
import { StationLink, PROTOCOL_TIMING, type LinkTiming } from './station-link';
import { StationTracker } from './station-tracker';
import { openSerialTransport, type OpenTransport } from './transport';
import { openVirtualStation, VIRTUAL_STATION_PATH } from './virtual-station';
import type { StationEmulator } from './emulator/station-emulator';

export interface StationsServiceOptions {
  events: EventBus;
  clock: Clock;
  /** The training console offers its virtual station. */
  virtual: boolean;
  alertsReach: () => Promise<StationsState['alertsReach']>;
  open?: OpenTransport;
  timing?: LinkTiming;
  /** A receiver's sentences, after the view took them (the live receiver's rules listen here). */
  onReceiverSentence?: (sentence: Sentence, station: string | null) => void;
}

/** How often the page hears that the station changed, at most (heartbeats come every 2 s in a range test). */
const ANNOUNCE_MS = 250;

/**
 * The base station attached to this console, if any: one at a time, opened in commissioning or
 * receiver mode. It keeps what the station has said and tells the page when that changes.
 */
export class StationsService {
  private link: StationLink | null = null;
  private mode: StationMode = 'commissioning';
  private readonly tracker = new StationTracker();
  private announceTimer: ReturnType<typeof setTimeout> | null = null;
  private virtualStation: StationEmulator | null = null;

  constructor(private readonly options: StationsServiceOptions) {}

  async state(): Promise<StationsState> {
    return { ...this.view(), alertsReach: await this.options.alertsReach() };
  }

  private view(): Omit<StationsState, 'alertsReach'> {
    const link = this.link;
    return {
      link: link
        ? {
            path: link.path,
            mode: this.mode,
            ...link.current,
            ...this.tracker.current,
          }
        : null,
      virtualPath: this.options.virtual ? VIRTUAL_STATION_PATH : null,
    };
  }

  /** The training station itself, for the training controls (strap, mains, case). */
  get emulator(): StationEmulator | null {
    return this.virtualStation;
  }

  async connect(path: string, mode: StationMode): Promise<StationsState> {
    await this.disconnect();
    const link = new StationLink(
      path,
      this.opener(path),
      this.options.timing ?? PROTOCOL_TIMING,
      this.options.clock,
    );
    link.listen({
      sentence: (sentence) => this.heard(sentence),
      state: () => this.announce(),
    });
    try {
      await link.start();
    } catch (error) {
      this.virtualStation?.stop();
      this.virtualStation = null;
      throw new ConsoleApiError(
        'station_not_connected',
        `${path} could not be opened: ${(error as Error).message}`,
        'path',
        {
          state: 'closed',
        },
      );
    }
    this.link = link;
    this.mode = mode;
    // Ask who it is: a station sends SBI on power-up, not when a port opens on it.
    await this.command('GETINFO').then(
      (fields) =>
        this.tracker.apply(
          {
            type: 'SBI',
            model: fields[0] ?? '',
            serial: fields[1] ?? '',
            firmware: fields[2] ?? '',
            hardware: fields[3] ?? '',
            protocolVersion: fields[4] ?? '',
          },
          this.options.clock().toISOString(),
        ),
      () => undefined,
    );
    this.announce();
    return this.state();
  }

  async disconnect(): Promise<StationsState> {
    const link = this.link;
    this.link = null;
    this.tracker.reset();
    await link?.close();
    this.virtualStation = null;
    this.announce();
    return this.state();
  }

  /** A command to the attached station; its refusal or silence becomes a ConsoleApiError. */
  command(name: string, args: readonly (string | number)[] = []): Promise<string[]> {
    const link = this.link;
    if (!link)
      return Promise.reject(
        new ConsoleApiError('station_not_connected', 'No station is connected', undefined, {
          state: 'closed',
        }),
      );
    return link.command(name, args);
  }

  /** The range test's samples so far (every heartbeat heard since it started). */
  get rfSamples() {
    return this.tracker.current.rfTest.samples;
  }

  async rfTest(start: boolean, level?: number): Promise<StationsState> {
    if (start && level !== undefined) await this.command('SETRANGE', [level]);
    await this.command('RFTEST', [start ? 'START' : 'STOP']);
    this.tracker.setRfTest(start);
    this.announce();
    return this.state();
  }

  logLines() {
    return this.link?.logLines() ?? [];
  }

  get serial(): string | null {
    return this.tracker.current.identity?.serial ?? null;
  }

  get receiving(): boolean {
    return this.link !== null && this.mode === 'receiver';
  }

  async close(): Promise<void> {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    await this.link?.close();
    this.link = null;
  }

  private opener(path: string): OpenTransport {
    if (path !== VIRTUAL_STATION_PATH) return this.options.open ?? openSerialTransport;
    if (!this.options.virtual)
      return () => Promise.reject(new Error('the virtual station is only on the training console'));
    return async () => {
      const { transport, emulator } = openVirtualStation();
      this.virtualStation = emulator;
      return transport;
    };
  }

  private heard(sentence: Sentence): void {
    if (this.tracker.apply(sentence, this.options.clock().toISOString())) this.announce();
    if (this.mode === 'receiver') this.options.onReceiverSentence?.(sentence, this.serial);
  }

  private announce(): void {
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      void this.state().then((state) => this.options.events.emit('stations.changed', state));
    }, ANNOUNCE_MS);
    this.announceTimer.unref?.();
  }
}
