import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDistance, formatTime } from '../../../shared/format/datetime';

describe('dates and times', () => {
  // A local time, so the test holds in whatever zone the machine keeps.
  const at = new Date(2026, 10, 30, 15, 7, 9);

  it('are day-first and 24-hour in both languages', () => {
    expect(formatDateTime(at, 'lv')).toBe('30.11.2026 15:07:09');
    expect(formatDateTime(at, 'en')).toBe('30/11/2026, 15:07:09');
    expect(formatTime(at, 'en')).toBe('15:07:09');
    expect(formatTime(at, 'lv', false)).toBe('15:07');
  });

  it('write distances in metres, then kilometres', () => {
    expect(formatDistance(480.4, 'en')).toBe('480 m');
    expect(formatDistance(1520, 'lv')).toBe('1,5 km');
    expect(formatDistance(1520, 'en')).toBe('1.5 km');
  });
});
