import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../shared/central/records';
import { nextScheduleChange, weekInForce } from '../../../shared/zones/schedule-preview';

const curfew: Schedule = {
  timezone: 'Europe/Riga',
  rules: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }],
  exceptions: [],
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('the 7-day preview of a schedule', () => {
  it('lists each night 22:00–06:00 local, across the autumn clock change', () => {
    // Rīga goes from UTC+3 to UTC+2 at 04:00 local on Sunday 25 October 2026.
    const from = Date.parse('2026-10-22T09:00:00Z');
    const { spans } = weekInForce(curfew, from);
    expect(spans.map((s) => [iso(s.from), iso(s.to)])).toEqual([
      ['2026-10-22T19:00:00.000Z', '2026-10-23T03:00:00.000Z'],
      ['2026-10-23T19:00:00.000Z', '2026-10-24T03:00:00.000Z'],
      ['2026-10-24T19:00:00.000Z', '2026-10-25T04:00:00.000Z'], // the long night: 9 hours
      ['2026-10-25T20:00:00.000Z', '2026-10-26T04:00:00.000Z'],
      ['2026-10-26T20:00:00.000Z', '2026-10-27T04:00:00.000Z'],
      ['2026-10-27T20:00:00.000Z', '2026-10-28T04:00:00.000Z'],
      ['2026-10-28T20:00:00.000Z', '2026-10-29T04:00:00.000Z'],
    ]);
  });

  it('shows an authorised absence as a gap and an extra curfew as a span, both listed', () => {
    const schedule: Schedule = {
      ...curfew,
      exceptions: [
        // A night shift at work, authorised: Tuesday 24 Nov from 21:00 to 07:00 local.
        {
          from: '2026-11-24T19:00:00Z',
          to: '2026-11-25T05:00:00Z',
          active: false,
          reason: 'Night shift (court order 12/26)',
        },
        // Extra curfew on Saturday afternoon: a match in town.
        {
          from: '2026-11-28T12:00:00Z',
          to: '2026-11-28T16:00:00Z',
          active: true,
          reason: 'Match day',
        },
      ],
    };
    const from = Date.parse('2026-11-23T10:00:00Z');
    const { spans, exceptions } = weekInForce(schedule, from);
    expect(
      spans.some(
        (s) =>
          s.from < Date.parse('2026-11-25T03:00:00Z') && s.to > Date.parse('2026-11-24T21:00:00Z'),
      ),
    ).toBe(false);
    expect(spans).toContainEqual({
      from: Date.parse('2026-11-28T12:00:00Z'),
      to: Date.parse('2026-11-28T16:00:00Z'),
      reason: 'Match day',
    });
    expect(spans).toHaveLength(7); // six nights and the match: Tuesday night is off
    expect(exceptions.map((e) => e.reason)).toEqual([
      'Night shift (court order 12/26)',
      'Match day',
    ]);
  });

  it('says when the zone next starts or ends, and nothing for a zone always in force', () => {
    expect(nextScheduleChange(curfew, Date.parse('2026-11-30T12:00:00Z'))).toEqual({
      at: Date.parse('2026-11-30T20:00:00Z'),
      inForce: true,
    });
    expect(nextScheduleChange(curfew, Date.parse('2026-11-30T21:00:00Z'))).toEqual({
      at: Date.parse('2026-12-01T04:00:00Z'),
      inForce: false,
    });
    expect(nextScheduleChange(null, Date.now())).toBeNull();
    expect(weekInForce(null, 0).spans).toEqual([{ from: 0, to: 7 * 86_400_000, reason: null }]);
  });
});
