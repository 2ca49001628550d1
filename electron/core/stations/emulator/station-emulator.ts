import type { Sentence } from '../../../../shared/stations/sentences';
import { distanceM } from '../../../../shared/geo/distance';
import { LineSplitter, encodeSentence } from '../codec';
import { answerCommand, statusFields, type EmulatorState } from './emulator-commands';
import { nmeaSentences } from './nmea';

export const emulatorFaults = ['garbage', 'drop-answer', 'no-gps', 'mute'] as const;
export type EmulatorFault = (typeof emulatorFaults)[number];

export interface EmulatedTag {
  id: string;
  /** Metres from the station: the RSSI and whether it is heard at the range level follow. */
  distanceM: number;
  batteryPct: number;
  strap: 'OK' | 'OPEN' | 'CUT';
}

export interface EmulatorOptions {
  write(text: string): void;
  serial?: string;
  tags?: EmulatedTag[];
  faults?: readonly EmulatorFault[];
  /** Where the station stands (its GPS fix); Rīga by default. */
  position?: { lat: number; lon: number };
  statusMs?: number;
  heartbeatMs?: number;
  rfTestMs?: number;
  gpsMs?: number;
  now?: () => Date;
}

/** `n` tags named TAG-00001…, a few metres apart, each heard at range level 3 (about 30 m). */
export function emulatedTags(n: number): EmulatedTag[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `TAG-${String(i + 1).padStart(5, '0')}`,
    distanceM: 3 + i * 4,
    batteryPct: 90 - i * 5,
    strap: 'OK' as const,
  }));
}

/** RSSI in dBm at a distance: free-space-like falloff, with a little noise. */
export function rssiAt(distanceM: number): number {
  const noise = Math.round(Math.random() * 4 - 2);
  return Math.max(-120, Math.round(-45 - 25 * Math.log10(Math.max(distanceM, 1))) + noise);
}

/**
 * A base station as protocol v1 describes it, on the far side of a byte pipe (a pseudo-terminal
 * in tests and for the CLI, an in-process pipe in the training console). It keeps its own state:
 * paired tags (at most 4), range level, configuration, clock offset, home position; it answers a
 * repeated cmdId with the first answer without acting twice.
 */
export class StationEmulator {
  readonly state: EmulatorState;
  private readonly splitter: LineSplitter;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly faults: Set<EmulatorFault>;
  private rfTimer: ReturnType<typeof setInterval> | null = null;
  /** cmdId → the command it carried and the answer sent, for repeats. */
  private readonly answered = new Map<number, { command: string; answer: string }>();
  commandsCarriedOut = 0;

  constructor(private readonly options: EmulatorOptions) {
    this.faults = new Set(options.faults ?? []);
    this.state = {
      identity: {
        model: 'HMU-200',
        serial: options.serial ?? 'HMU2-004512',
        firmware: '2.4.1',
        hardware: 'B3',
        protocolVersion: '1',
      },
      tags: options.tags ?? emulatedTags(2),
      paired: [],
      level: 3,
      config: new Map([
        ['CENTRAL_HOST', ''],
        ['CENTRAL_PORT', '0'],
        ['APN', ''],
        ['HB_TIMEOUT_S', '90'],
      ]),
      clockOffsetS: 0,
      mains: true,
      caseOpen: false,
      batteryPct: 100,
      gsmCsq: 23,
      position: options.position ?? { lat: 56.9496, lon: 24.1052 },
      home: null,
      gpsFix: !this.faults.has('no-gps'),
      rfTest: false,
      startedAtMs: Date.now(),
    };
    this.splitter = new LineSplitter({
      line: (decoded) => {
        if (decoded.ok) this.onSentence(decoded.sentence);
      },
    });
  }

  /** Powers up: identity, then status, heartbeats and GPS on their periods. */
  start(): void {
    this.send(['SBI', ...Object.values(this.state.identity)]);
    const every = (ms: number, run: () => void) => {
      const timer = setInterval(run, ms);
      timer.unref?.();
      this.timers.push(timer);
    };
    every(this.options.statusMs ?? 10_000, () => this.send(['SBS', ...statusFields(this.state)]));
    every(this.options.heartbeatMs ?? 30_000, () => this.beat(this.state.paired));
    every(this.options.gpsMs ?? 10_000, () => this.sendGps());
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    if (this.rfTimer) clearInterval(this.rfTimer);
    this.rfTimer = null;
  }

  receive(chunk: string | Uint8Array): void {
    this.splitter.push(chunk);
  }

  // --- what happens to the station (training controls, tests) ---

  setStrap(tagId: string, strap: EmulatedTag['strap']): void {
    const tag = this.state.tags.find((t) => t.id === tagId);
    if (!tag || tag.strap === strap) return;
    tag.strap = strap;
    this.event(strap === 'OK' ? 'STRAP_CLOSED' : 'STRAP_OPEN', tagId, strap);
    this.beat([tagId]);
  }

  setMains(on: boolean): void {
    if (this.state.mains === on) return;
    this.state.mains = on;
    this.event(on ? 'MAINS_RESTORED' : 'MAINS_LOST', null, '');
  }

  setCase(open: boolean): void {
    if (this.state.caseOpen === open) return;
    this.state.caseOpen = open;
    this.event(open ? 'CASE_OPEN' : 'CASE_CLOSED', null, '');
  }

  setBattery(pct: number): void {
    this.state.batteryPct = pct;
    if (pct < 20) this.event('LOW_BATTERY', null, String(pct));
  }

  /** Moves the station's own position (MOVED once more than 150 m from its home). */
  moveStation(lat: number, lon: number): void {
    this.state.position = { lat, lon };
    const home = this.state.home;
    if (home && distanceM(home, this.state.position) > 150) this.event('MOVED', null, '');
  }

  /** Garbage on the line between sentences (a noisy cable, a confused firmware). */
  sendGarbage(bytes = 64): void {
    let text = '';
    for (let i = 0; i < bytes; i++)
      text += String.fromCharCode(33 + Math.floor(Math.random() * 90));
    this.options.write(text.replace(/[$\n]/g, '#'));
  }

  // --- the wire ---

  send(fields: readonly (string | number)[]): void {
    if (this.faults.has('mute')) return;
    if (this.faults.has('garbage')) this.sendGarbage(20 + Math.floor(Math.random() * 60));
    this.options.write(encodeSentence(fields));
  }

  event(code: string, tagId: string | null, detail: string): void {
    this.send(['SBE', code, tagId ?? '-', detail]);
  }

  beat(tagIds: readonly string[]): void {
    const range = this.state.level * 10;
    for (const tag of this.state.tags) {
      if (!tagIds.includes(tag.id) || tag.distanceM > range) continue;
      const seq = Math.floor((Date.now() - this.state.startedAtMs) / 1000);
      this.send(['SBH', tag.id, rssiAt(tag.distanceM), tag.batteryPct, tag.strap, seq]);
    }
  }

  private sendGps(): void {
    const now = this.options.now?.() ?? new Date();
    for (const line of nmeaSentences(this.state.gpsFix ? this.state.position : null, now))
      this.send(line);
  }

  private onSentence(sentence: Sentence): void {
    if (sentence.type !== 'SBC') return;
    const command = [sentence.name, ...sentence.args].join(',');
    const earlier = this.answered.get(sentence.cmdId);
    if (earlier && earlier.command === command) {
      this.reply(earlier.answer);
      return;
    }
    this.commandsCarriedOut++;
    const fields = answerCommand(this.state, sentence, this.now());
    const answer = encodeSentence(fields);
    this.answered.set(sentence.cmdId, { command, answer });
    if (this.answered.size > 256) this.answered.delete(this.answered.keys().next().value!);
    this.afterCommand(sentence);
    // The first answer to each command lost on the way: the console must resend the same cmdId.
    if (this.faults.has('drop-answer') && !earlier) return;
    this.reply(answer);
  }

  private reply(answer: string): void {
    if (!this.faults.has('mute')) this.options.write(answer);
  }

  private afterCommand(sentence: Extract<Sentence, { type: 'SBC' }>): void {
    this.rfTestChanged();
    if (sentence.name === 'REBOOT') {
      const timer = setTimeout(
        () => this.send(['SBI', ...Object.values(this.state.identity)]),
        200,
      );
      timer.unref?.();
    }
  }

  private rfTestChanged(): void {
    if (this.state.rfTest && !this.rfTimer) {
      this.rfTimer = setInterval(
        () => this.beat(this.state.tags.map((t) => t.id)),
        this.options.rfTestMs ?? 2000,
      );
      this.rfTimer.unref?.();
    } else if (!this.state.rfTest && this.rfTimer) {
      clearInterval(this.rfTimer);
      this.rfTimer = null;
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
