import type { Sentence } from '../../../shared/stations/sentences';
import type { RssiSample, StationView } from '../../../shared/domain/stations';

const EVENTS_KEPT = 50;
/** Ten minutes of a range test at a sample every 2 s for four tags. */
const SAMPLES_KEPT = 1200;

type Tracked = Omit<StationView, 'path' | 'mode' | 'state' | 'counters' | 'lastHeardAt'>;

/** What the console knows of the attached station, from the sentences it has sent. */
export class StationTracker {
  private view: Tracked = StationTracker.empty();

  static empty(): Tracked {
    return {
      identity: null,
      status: null,
      gps: null,
      tags: [],
      rfTest: { running: false, samples: [] },
      events: [],
    };
  }

  get current(): Tracked {
    return this.view;
  }

  reset(): void {
    this.view = StationTracker.empty();
  }

  setRfTest(running: boolean): void {
    this.view = {
      ...this.view,
      rfTest: { running, samples: running ? [] : this.view.rfTest.samples },
    };
  }

  /** Applies a sentence; true if the view changed. */
  apply(sentence: Sentence, at: string): boolean {
    switch (sentence.type) {
      case 'SBI': {
        const { type: _type, ...identity } = sentence;
        this.view = { ...this.view, identity };
        return true;
      }
      case 'SBS': {
        const { type: _type, ...status } = sentence;
        this.view = { ...this.view, status: { at, ...status } };
        return true;
      }
      case 'SBH':
        this.heard(sentence, at);
        return true;
      case 'SBE':
        this.view = {
          ...this.view,
          events: [...this.view.events, { at, code: sentence.code, tagId: sentence.tagId }].slice(
            -EVENTS_KEPT,
          ),
        };
        return true;
      case 'RMC':
      case 'GGA':
        this.view = {
          ...this.view,
          gps: { valid: sentence.valid, lat: sentence.lat, lon: sentence.lon, at },
        };
        return true;
      default:
        return false;
    }
  }

  private heard(beat: Extract<Sentence, { type: 'SBH' }>, at: string): void {
    const tag = {
      tagId: beat.tagId,
      rssiDbm: beat.rssiDbm,
      tagBatteryPct: beat.tagBatteryPct,
      strap: beat.strap,
      lastHeardAt: at,
    };
    const tags = [...this.view.tags.filter((t) => t.tagId !== beat.tagId), tag].sort((a, b) =>
      a.tagId.localeCompare(b.tagId),
    );
    let { rfTest } = this.view;
    if (rfTest.running) {
      const sample: RssiSample = { tagId: beat.tagId, at, rssiDbm: beat.rssiDbm };
      rfTest = { running: true, samples: [...rfTest.samples, sample].slice(-SAMPLES_KEPT) };
    }
    this.view = { ...this.view, tags, rfTest };
  }
}
