import { describe, expect, it } from 'vitest';
import type { AlertMark, MapClient } from '../../../../shared/domain/map';
import type { Zone } from '../../../../shared/central/records';
import {
  ClientIndex,
  CLUSTER_UNTIL_ZOOM,
  STALE_AFTER_MS,
} from '../../../../renderer/src/features/map/client-index';
import { zoneStyle } from '../../../../renderer/src/features/map/zone-style';

const NOW = Date.parse('2026-11-23T20:00:00.000Z');

function client(n: number, lat: number, lon: number, at = NOW): MapClient {
  const id = `C-${n}`;
  return {
    id,
    name: `Client ${n}`,
    caseNumber: `L-${1000 + n}`,
    riskLevel: n % 2 ? 'high' : 'low',
    status: 'active',
    fix: [id, lat, lon, at, 8, null],
  };
}

const alert = (id: string, clientId: string, severity: AlertMark['severity'], state = 'open') =>
  ({ id, clientId, severity, state, type: 'exclusion_entry', position: null }) as AlertMark;

describe('ClientIndex', () => {
  it('moves clients in place: the same object, newer fixes only, with a heading', () => {
    const index = new ClientIndex();
    index.load([client(1, 56.95, 24.1)], []);
    const held = index.points.get('C-1')!;
    expect(index.applyFixes([['C-1', 56.96, 24.1, NOW + 1000, 5, 4]])).toBe(1);
    expect(index.points.get('C-1')).toBe(held);
    expect(held).toMatchObject({ lat: 56.96, at: NOW + 1000, speedKmh: 4 });
    expect(held.heading).toBeCloseTo(0, 0); // due north
    // An older fix arriving late changes nothing.
    expect(index.applyFixes([['C-1', 10, 10, NOW, 5, null]])).toBe(0);
    expect(held.lat).toBe(56.96);
  });

  it('colours by state: critical over open alert over stale over OK', () => {
    const index = new ClientIndex();
    index.load(
      [
        client(1, 56.9, 24.1),
        client(2, 56.9, 24.2),
        client(3, 56.9, 24.3, NOW - STALE_AFTER_MS - 1),
        client(4, 56.9, 24.4),
      ],
      [alert('A1', 'C-1', 'critical'), alert('A2', 'C-2', 'medium')],
    );
    const state = (id: string) => index.stateOf(index.points.get(id)!, NOW);
    expect(['C-1', 'C-2', 'C-3', 'C-4'].map(state)).toEqual(['critical', 'alert', 'stale', 'ok']);
    index.applyAlerts([alert('A1', 'C-1', 'critical', 'resolved')]);
    expect(state('C-1')).toBe('ok');
    expect(index.withAlerts(NOW).map((p) => p.id)).toEqual(['C-2']);
  });

  it('clusters at low zoom with the worst state, and shows every client from the cluster zoom on', () => {
    const index = new ClientIndex();
    const clients = Array.from({ length: 200 }, (_, n) =>
      client(n, 56.95 + (n % 10) * 0.0005, 24.1 + Math.floor(n / 10) * 0.0005),
    );
    index.load(clients, [alert('A1', 'C-7', 'critical')]);
    const low = index.clusters(23, 55, 27, 58, 8, NOW);
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ count: 200, state: 'critical' });
    const near = index.clusters(24.09, 56.94, 24.12, 56.96, CLUSTER_UNTIL_ZOOM, NOW);
    expect(near).toHaveLength(200);
    expect(near.every((c) => c.count === 1)).toBe(true);
    // A move re-clusters: a client far away leaves the cluster.
    index.applyFixes([['C-0', 57.5, 26.5, NOW + 1, 5, null]]);
    expect(
      index
        .clusters(23, 55, 27, 58, 8, NOW)
        .map((c) => c.count)
        .sort(),
    ).toEqual([1, 199]);
  });

  it('finds clients by name or case number', () => {
    const index = new ClientIndex();
    index.load([client(1, 56, 24), client(12, 56, 24), client(3, 56, 24)], []);
    expect(index.search('client 1').map((p) => p.id)).toEqual(['C-1', 'C-12']);
    expect(index.search('L-1003').map((p) => p.id)).toEqual(['C-3']);
    expect(index.search(' ')).toEqual([]);
  });
});

describe('zoneStyle', () => {
  const zone: Zone = {
    id: 'Z1',
    version: 1,
    clientId: 'C-1',
    appliesTo: [],
    kind: 'inclusion',
    name: 'Home',
    geometry: { type: 'Circle', center: [24.1, 56.95], radiusM: 50 },
    bufferM: 20,
    schedule: {
      timezone: 'Europe/Riga',
      rules: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }],
      exceptions: [],
    },
    updatedAt: '2026-11-01T00:00:00.000Z',
  };

  it('is solid while its schedule is in force and faint outside it', () => {
    // 20:00 UTC is 22:00 in Riga in November: curfew has begun.
    expect(zoneStyle(zone, new Date(NOW))).toMatchObject({ inForce: true, fillOpacity: 0.22 });
    const noon = new Date('2026-11-23T10:00:00.000Z');
    expect(zoneStyle(zone, noon)).toMatchObject({ inForce: false, dashArray: '6 6' });
  });

  it('marks a victim’s exclusion zone apart from other exclusion zones', () => {
    const exclusion = { ...zone, kind: 'exclusion' as const, schedule: null };
    expect(zoneStyle(exclusion, new Date(NOW), ['victim_protection']).victim).toBe(true);
    expect(
      zoneStyle({ ...exclusion, clientId: null }, new Date(NOW), ['victim_protection']).victim,
    ).toBe(false);
    expect(zoneStyle(exclusion, new Date(NOW)).color).not.toBe(
      zoneStyle(exclusion, new Date(NOW), ['victim_protection']).color,
    );
  });
});

describe('ClientIndex placing', () => {
  it('places a client known without a fix when their first fix arrives', () => {
    const index = new ClientIndex();
    index.load([{ ...client(5, 0, 0), fix: null }], []);
    expect(index.points.size).toBe(0);
    expect(index.applyFixes([['C-5', 56.5, 25.1, NOW, 12, null]])).toBe(1);
    expect(index.points.get('C-5')).toMatchObject({ name: 'Client 5', lat: 56.5 });
    expect(index.unplaced.size).toBe(0);
  });
});
