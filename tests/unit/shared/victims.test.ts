import { describe, expect, it } from 'vitest';
import { offsetM } from '../../../shared/geo/distance';
import { proximityBand } from '../../../shared/domain/victims';

const order = { alertDistanceM: 500, warnDistanceM: 1000 };
const now = Date.parse('2026-11-30T12:00:00Z');
const victim = { lat: 56.95, lon: 24.1, at: '2026-11-30T11:58:00Z' };
const client = (metres: number, at = '2026-11-30T11:59:00Z') => ({
  ...offsetM(victim, 120, metres),
  at,
});

describe('the proximity band', () => {
  it.each([
    [100, 'alert'],
    [499, 'alert'],
    [501, 'warning'],
    [999, 'warning'],
    [1001, 'far'],
    [20_000, 'far'],
  ])('at %i m is %s', (metres, band) => {
    expect(proximityBand(order, client(metres), victim, now)).toBe(band);
  });

  it('is unknown without a fix of either, or with one older than 15 minutes', () => {
    expect(proximityBand(order, null, victim, now)).toBe('unknown');
    expect(proximityBand(order, client(100), null, now)).toBe('unknown');
    expect(proximityBand(order, client(100, '2026-11-30T11:44:00Z'), victim, now)).toBe('unknown');
    expect(proximityBand(order, client(100), { ...victim, at: '2026-11-30T11:40:00Z' }, now)).toBe(
      'unknown',
    );
  });
});
