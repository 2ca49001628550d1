import { describe, expect, it } from 'vitest';
import { href, parseHash, type Link } from '../../../renderer/src/app/routes';
import { routeFromHash } from '../../../renderer/src/app/use-route';

describe('in-page links', () => {
  const links: Link[] = [
    { route: 'map' },
    { route: 'map', client: 'C-0042' },
    { route: 'map', client: 'C-0042', at: [56.9496, 24.1052] },
    { route: 'alerts' },
    { route: 'alerts', alert: 'AL-7' },
    { route: 'clients' },
    { route: 'clients', client: 'C 1/2' },
    { route: 'shifts', shift: 'SH-3' },
    { route: 'timeline', client: 'C-1', alert: 'AL-2' },
    { route: 'stations', station: 'HMU2-004512' },
    { route: 'audit', subject: 'C-1' },
    { route: 'settings' },
  ];

  it.each(links.map((link) => [href(link), link] as const))(
    '%s reads back as it was written',
    (hash, link) => {
      expect(parseHash(hash)).toEqual(link);
    },
  );

  it('writes the links the page has always used', () => {
    expect(href({ route: 'map', client: 'C-1', at: [56.5, 21.01] })).toBe(
      '#/map?client=C-1&at=56.5%2C21.01',
    );
    expect(href({ route: 'alerts', alert: 'AL-7' })).toBe('#/alerts?alert=AL-7');
    expect(parseHash('#/map?client=C-1&at=56.5,21.01')).toEqual({
      route: 'map',
      client: 'C-1',
      at: [56.5, 21.01],
    });
  });

  it.each([
    ['', 'map'],
    ['#/alerts', 'alerts'],
    ['#/settings?x=1', 'settings'],
    ['#/clients/abc', 'clients'],
    ['#/nonsense', 'map'],
    ['#token=abc', 'map'],
  ])('the section of %s is %s', (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });

  it('drops what does not parse rather than guess', () => {
    expect(parseHash('#/map?client=C-1&at=north,east')).toEqual({ route: 'map', client: 'C-1' });
    expect(parseHash('#/alerts?alert=&x=1')).toEqual({ route: 'alerts' });
  });
});
