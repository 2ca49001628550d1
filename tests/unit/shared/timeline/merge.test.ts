import { describe, expect, it } from 'vitest';
import type {
  Alert,
  AlertAction,
  JournalEntry,
  Schedule,
  ZoneVersion,
} from '../../../../shared/central/records';
import { offsetM } from '../../../../shared/geo/distance';
import { mergeTimeline, type TimelineSources } from '../../../../shared/timeline/merge';
import { localToUtc, scheduleEdges } from '../../../../shared/timeline/schedule-edges';

const home = { lat: 56.9496, lon: 24.1052 };
const Z = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const curfew: Schedule = {
  timezone: 'Europe/Riga',
  rules: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }],
  exceptions: [],
};

function zone(
  fields: Partial<ZoneVersion> & Pick<ZoneVersion, 'validFrom' | 'validTo'>,
): ZoneVersion {
  return {
    id: 'Z-HOME',
    version: 1,
    clientId: 'CL-1',
    appliesTo: [],
    kind: 'inclusion',
    name: 'Home',
    geometry: { type: 'Circle', center: [home.lon, home.lat], radiusM: 200 },
    bufferM: 20,
    schedule: curfew,
    updatedAt: fields.validFrom,
    ...fields,
  };
}

/** Fixes every minute in [from, to), at a fixed spot or along a path given per fix. */
function fixes(from: number, to: number, where: (i: number) => { lat: number; lon: number }) {
  const track = { at: [] as number[], lat: [] as number[], lon: [] as number[] };
  for (let at = from, i = 0; at < to; at += 60_000, i += 1) {
    const p = where(i);
    track.at.push(at);
    track.lat.push(p.lat);
    track.lon.push(p.lon);
  }
  return track;
}

function join(...tracks: ReturnType<typeof fixes>[]) {
  return {
    at: tracks.flatMap((t) => t.at),
    lat: tracks.flatMap((t) => t.lat),
    lon: tracks.flatMap((t) => t.lon),
  };
}

describe('schedule edges in Europe/Riga', () => {
  it('keeps a 22:00–06:00 curfew at local 22:00 and 06:00 across the spring clock change', () => {
    // 29 March 2026: clocks go from 03:00 to 04:00 (UTC+2 → UTC+3).
    const edges = scheduleEdges(curfew, Z('2026-03-28T12:00:00Z'), Z('2026-03-30T12:00:00Z'));
    expect(edges.map((e) => [iso(e.at), e.inForce])).toEqual([
      ['2026-03-28T20:00:00.000Z', true], // 22:00 EET
      ['2026-03-29T03:00:00.000Z', false], // 06:00 EEST
      ['2026-03-29T19:00:00.000Z', true], // 22:00 EEST
      ['2026-03-30T03:00:00.000Z', false],
    ]);
  });

  it('and across the autumn one, with an authorised absence cutting a night short', () => {
    // 25 October 2026: clocks go from 04:00 back to 03:00 (UTC+3 → UTC+2).
    const schedule: Schedule = {
      ...curfew,
      exceptions: [
        {
          from: '2026-10-25T21:00:00.000Z',
          to: '2026-10-26T01:00:00.000Z',
          active: false,
          reason: 'night shift at work',
        },
      ],
    };
    const edges = scheduleEdges(schedule, Z('2026-10-24T12:00:00Z'), Z('2026-10-26T12:00:00Z'));
    expect(edges.map((e) => [iso(e.at), e.inForce, e.reason])).toEqual([
      ['2026-10-24T19:00:00.000Z', true, null], // 22:00 EEST
      ['2026-10-25T04:00:00.000Z', false, null], // 06:00 EET, a 10-hour night
      ['2026-10-25T20:00:00.000Z', true, null], // 22:00 EET
      ['2026-10-25T21:00:00.000Z', false, 'night shift at work'],
      ['2026-10-26T01:00:00.000Z', true, 'night shift at work'],
      ['2026-10-26T04:00:00.000Z', false, null],
    ]);
  });

  it('turns a local time the clocks skip into the hour after, a repeated one into its first', () => {
    const riga = (d: number, m: number, minutes: number) =>
      iso(localToUtc({ y: 2026, m, d }, minutes, 'Europe/Riga'));
    expect(riga(29, 3, 3 * 60 + 30)).toBe('2026-03-29T01:30:00.000Z'); // 04:30 EEST
    expect(riga(25, 10, 3 * 60 + 30)).toBe('2026-10-25T00:30:00.000Z'); // 03:30 EEST, not EET
    expect(riga(30, 11, 22 * 60)).toBe('2026-11-30T20:00:00.000Z');
  });
});

describe('the merged timeline', () => {
  const from = Z('2026-03-28T20:30:00Z');
  const to = Z('2026-03-29T08:00:00Z');
  const changedAt = Z('2026-03-28T23:00:00Z');
  // The home zone shrank at 23:00 (200 m → 50 m) and its curfew was moved to start at 23:30.
  const zones: ZoneVersion[] = [
    zone({ validFrom: '2026-03-01T00:00:00.000Z', validTo: iso(changedAt) }),
    zone({
      version: 2,
      validFrom: iso(changedAt),
      validTo: null,
      geometry: { type: 'Circle', center: [home.lon, home.lat], radiusM: 50 },
      schedule: {
        ...curfew,
        rules: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '23:30', end: '06:00' }],
      },
    }),
    // A school's exclusion zone shared by two clients; one not applying to this client.
    {
      ...zone({ validFrom: '2026-03-01T00:00:00.000Z', validTo: null }),
      id: 'Z-SCHOOL',
      clientId: null,
      appliesTo: ['CL-9', 'CL-1'],
      kind: 'exclusion',
      name: 'School',
      schedule: null,
      geometry: { type: 'Circle', center: [24.13, 56.95], radiusM: 100 },
    },
    {
      ...zone({ validFrom: '2026-03-01T00:00:00.000Z', validTo: null }),
      id: 'Z-OTHER',
      clientId: 'CL-2',
    },
  ];
  const school = { lat: 56.95, lon: 24.13 };
  const track = join(
    // 100 m from home until 00:00: inside the 200 m zone, outside the 50 m one from 23:00.
    fixes(from, Z('2026-03-29T00:00:00Z'), () => offsetM(home, 90, 100)),
    // Two hours with no fix, then a walk through the school zone from 300 m west to 300 m east.
    fixes(Z('2026-03-29T02:00:00Z'), Z('2026-03-29T02:13:00Z'), (i) =>
      offsetM(school, 90, -275 + i * 50),
    ),
  );
  const alert: Alert = {
    id: 'AL-1',
    version: 3,
    clientId: 'CL-1',
    deviceId: 'D-1',
    zoneId: 'Z-HOME',
    type: 'inclusion_exit',
    severity: 'high',
    raisedAt: '2026-03-28T23:00:30.000Z',
    clearedAt: '2026-03-29T01:00:00.000Z',
    state: 'resolved',
    claimedBy: 'referent1',
    acknowledgedAt: null,
    resolvedAt: '2026-03-28T23:20:00.000Z',
    resolution: { code: 'client_contacted', note: 'at home, zone redrawn' },
    position: null,
    updatedAt: '2026-03-28T23:20:00.000Z',
  };
  const battery: Alert = {
    ...alert,
    id: 'AL-2',
    type: 'battery_low',
    severity: 'medium',
    zoneId: null,
    raisedAt: '2026-03-29T02:05:00.000Z',
    clearedAt: null,
  };
  const actions: AlertAction[] = [
    {
      id: 'AA-1',
      alertId: 'AL-1',
      operatorId: 'referent1',
      at: '2026-03-28T23:02:00.000Z',
      kind: 'claim',
      payload: {},
    },
    {
      id: 'AA-2',
      alertId: 'AL-1',
      operatorId: 'referent1',
      at: '2026-03-28T23:20:00.000Z',
      kind: 'resolve',
      payload: { code: 'client_contacted', note: 'at home, zone redrawn' },
    },
  ];
  const journal: JournalEntry[] = [
    {
      id: 'J-1',
      shiftId: 'SH-1',
      operatorId: 'referent1',
      at: '2026-03-28T23:10:00.000Z',
      category: 'contact',
      text: 'Called the client: at home',
      refs: { alertIds: ['AL-1'], clientIds: ['CL-1'], deviceIds: [] },
      correctsEntryId: null,
    },
  ];
  const sources: TimelineSources = {
    clientId: 'CL-1',
    fromMs: from,
    toMs: to,
    track,
    zones,
    alerts: [battery, alert],
    actions,
    journal,
  };

  it('lists every event in time order, zones judged as they were at each fix', () => {
    const events = mergeTimeline(sources).map((e) => [
      iso(e.at),
      e.kind,
      e.change,
      e.ref,
      e.inForce,
    ]);
    expect(events).toEqual([
      // The 200 m zone's curfew (22:00 EET = 20:00Z) started before the window: no edge in it.
      // v2 (50 m) from 23:00Z, 01:00 local: inside its curfew (23:30–06:00).
      ['2026-03-28T23:00:00.000Z', 'zone', 'exit', 'Z-HOME', true],
      ['2026-03-28T23:00:30.000Z', 'alert', 'raised', 'AL-1', null],
      ['2026-03-28T23:02:00.000Z', 'action', 'claim', 'AL-1', null],
      ['2026-03-28T23:10:00.000Z', 'journal', 'contact', 'J-1', null],
      ['2026-03-28T23:20:00.000Z', 'action', 'resolve', 'AL-1', null],
      // Version 2's curfew was already in force when it took effect: its only edge here is its
      // end at 06:00 EEST. The hole after the 23:59 fix is a gap.
      ['2026-03-28T23:59:00.000Z', 'gap', '', null, null],
      ['2026-03-29T01:00:00.000Z', 'alert', 'cleared', 'AL-1', null],
      ['2026-03-29T02:04:00.000Z', 'zone', 'entry', 'Z-SCHOOL', true],
      ['2026-03-29T02:05:00.000Z', 'device', 'raised', 'AL-2', null],
      ['2026-03-29T02:08:00.000Z', 'zone', 'exit', 'Z-SCHOOL', true],
      ['2026-03-29T02:12:00.000Z', 'gap', '', null, null],
      ['2026-03-29T03:00:00.000Z', 'schedule', 'end', 'Z-HOME', false],
    ]);
  });

  it('marks a gap from the last fix before a hole to the first after it', () => {
    const gap = mergeTimeline(sources).find((e) => e.kind === 'gap')!;
    expect([iso(gap.at), iso(gap.until!), gap.text]).toEqual([
      '2026-03-28T23:59:00.000Z',
      '2026-03-29T02:00:00.000Z',
      '121',
    ]);
  });

  it('gives a zone version its own schedule: a curfew that starts later after the change', () => {
    // Same zones, a window in the next evening: v2's 23:30 start, not v1's 22:00.
    const next = mergeTimeline({
      ...sources,
      fromMs: Z('2026-03-29T12:00:00Z'),
      toMs: Z('2026-03-30T12:00:00Z'),
      track: { at: [], lat: [], lon: [] },
    }).filter((e) => e.kind === 'schedule');
    expect(next.map((e) => [iso(e.at), e.change])).toEqual([
      ['2026-03-29T20:30:00.000Z', 'start'], // 23:30 EEST
      ['2026-03-30T03:00:00.000Z', 'end'], // 06:00 EEST
    ]);
  });
});
