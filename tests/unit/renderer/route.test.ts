import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../../renderer/src/app/use-route';

describe('routeFromHash', () => {
  it.each([
    ['', 'map'],
    ['#/alerts', 'alerts'],
    ['#/settings?x=1', 'settings'],
    ['#/clients/abc', 'clients'],
    ['#/nonsense', 'map'],
    ['#token=abc', 'map'],
  ])('%s → %s', (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });
});
