import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import {
  arrivalSound,
  standingBreaches,
  unclaimedCritical,
} from '../../../../renderer/src/features/alerts/attention/cues';
import { floodOf } from '../../../../renderer/src/features/alerts/attention/flood';
import { ArrivalWatcher } from '../../../../renderer/src/features/alerts/attention/watcher';
import { queueRows } from '../../../../renderer/src/features/alerts/queue-rows';
import { soundTones, wavFor, type SoundName } from '../../../../scripts/sounds/tones';
import { queueLine } from '../../../fixtures/central-records';

const T = Date.parse('2026-11-22T02:00:00.000Z');
const MIN = 60_000;
const line = (fields: Parameters<typeof queueLine>[0], extra?: Parameters<typeof queueLine>[1]) =>
  queueLine({ at: T, ...fields }, extra);
const suppressed = { id: 1, until: '2026-11-22T03:00:00.000Z', reason: 'known', operatorId: 's1' };

describe('incidents', () => {
  it('shows one row per incident, and its other alerts once expanded', () => {
    const a = line({ clientId: 'c1', at: T });
    const b = line({ clientId: 'c1', at: T + MIN });
    const c = line({ clientId: 'c2', at: T });
    const ids = (expanded: string[]) =>
      queueRows([a, b, c], new Set(expanded)).map(
        (r) => `${r.member ? '  ' : ''}${r.item.alert.id}`,
      );
    expect(ids([])).toEqual([a.alert.id, c.alert.id]);
    expect(ids([a.alert.id])).toEqual([a.alert.id, `  ${b.alert.id}`, c.alert.id]);
  });
});

describe('flood', () => {
  it('is on past 20 new alerts within a minute and counts them by type', () => {
    const arrivals = Array.from({ length: 21 }, (_, i) => ({
      at: T + i * 1000,
      type: i % 3 === 0 ? ('battery_low' as const) : ('strap_tamper' as const),
    }));
    expect(floodOf(arrivals.slice(0, 20), T + 20_000).flooding).toBe(false);
    const flood = floodOf(arrivals, T + 20_000);
    expect(flood).toEqual({
      flooding: true,
      count: 21,
      byType: [
        ['strap_tamper', 14],
        ['battery_low', 7],
      ],
    });
    // A minute on, the first arrivals no longer count.
    expect(floodOf(arrivals, T + 61_000).flooding).toBe(false);
  });

  it('sounds once as a flood, then keeps quiet while it lasts; the banner takes over', () => {
    const watcher = new ArrivalWatcher();
    watcher.update([line({ severity: 'critical' })], T); // what was open at start: not news
    const sounds: (SoundName | null)[] = [];
    let queue: AlertQueueItem[] = [];
    for (let i = 0; i < 25; i += 1) {
      queue = [...queue, line({ severity: i === 3 ? 'critical' : 'medium', clientId: `c${i}` })];
      sounds.push(watcher.update(queue, T + i * 100).sound);
    }
    expect(sounds.slice(0, 3)).toEqual(['medium', 'medium', 'medium']);
    expect(sounds[3]).toBe('critical');
    expect(sounds[20]).toBe('flood');
    expect(sounds.slice(21)).toEqual([null, null, null, null]);
    expect(watcher.flood(T + 3000).flooding).toBe(true);
    expect(watcher.flood(T + 70_000)).toEqual({ flooding: false, count: 0, byType: [] });
  });
});

describe('attention cues', () => {
  it('sounds the most severe arrival, never a suppressed one', () => {
    const calm = { now: false, before: false };
    expect(arrivalSound([line({ severity: 'low' }), line({ severity: 'high' })], calm)).toBe(
      'high',
    );
    expect(
      arrivalSound([line({ severity: 'critical' }, { suppression: suppressed })], calm),
    ).toBeNull();
  });

  it('repeats for a critical alert until it is claimed', () => {
    expect(unclaimedCritical([line({ severity: 'critical' })])).toBe(true);
    expect(unclaimedCritical([line({ severity: 'critical', state: 'claimed' })])).toBe(false);
    expect(unclaimedCritical([line({ severity: 'high' })])).toBe(false);
    expect(unclaimedCritical([line({ severity: 'critical' }, { suppression: suppressed })])).toBe(
      false,
    );
  });

  it('keeps an escalation while the missed target still stands', () => {
    const lateClaim = line({}, { breached: ['claim'] });
    const claimedSince = line({ state: 'claimed' }, { breached: ['claim'] });
    const lateResolve = line({ state: 'acknowledged' }, { breached: ['claim', 'resolve'] });
    expect(standingBreaches([lateClaim, claimedSince, lateResolve])).toEqual([
      lateClaim,
      lateResolve,
    ]);
  });
});

describe('alert sounds', () => {
  it('are one file per cue, and the files in resources/sounds are what the generator makes', () => {
    const names = Object.keys(soundTones).sort();
    expect(names).toEqual(['breach', 'critical', 'flood', 'high', 'low', 'medium']);
    for (const name of names as SoundName[]) {
      const file = readFileSync(
        new URL(`../../../../resources/sounds/${name}.wav`, import.meta.url),
      );
      expect(file.equals(wavFor(name)), `${name}.wav is stale: run npm run sounds`).toBe(true);
      expect(file.toString('ascii', 0, 4)).toBe('RIFF');
      expect(file.readUInt32LE(40)).toBe(file.length - 44);
    }
  });
});
