import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../../shared/domain/clients';
import { applyQuery, registerLines } from '../../../../renderer/src/features/clients/register-view';

const NOW = Date.parse('2026-11-30T12:00:00.000Z');

function row(id: string, patch: Partial<RegisterRow>): RegisterRow {
  return {
    id,
    name: id,
    caseNumber: `VPD-2024-${id}`,
    supervisionType: 'probation',
    riskLevel: 'low',
    flags: [],
    territorialUnit: 'Rīgas centra pārvalde',
    phone: null,
    address: null,
    status: 'active',
    deviceSerials: [],
    openTypes: [],
    deviceFault: false,
    lastFixAt: new Date(NOW - 60_000).toISOString(),
    lastContactAt: null,
    batteryPct: 90,
    ...patch,
  };
}

const rows = [
  row('Ēriks Šķēle', {
    riskLevel: 'high',
    flags: ['juvenile'],
    territorialUnit: 'Liepājas pārvalde',
    deviceSerials: ['TAG-000123'],
  }),
  row('Anna Bērziņa', {
    riskLevel: 'high',
    flags: ['juvenile', 'mappa'],
    address: 'Zivju iela 3, Liepāja',
  }),
  row('Juris Kalniņš', {
    riskLevel: 'high',
    territorialUnit: 'Liepājas pārvalde',
    openTypes: ['exclusion_entry'],
  }),
  row('Zane Ozola', {
    riskLevel: 'low',
    flags: ['juvenile'],
    lastFixAt: null,
    phone: '+371 20000001',
  }),
];
const lines = registerLines(rows, NOW);
const names = (query: Parameters<typeof applyQuery>[1]) =>
  applyQuery(lines, query).map((l) => l.row.id);

describe('the register view', () => {
  it('filters by risk and flags and searches name, unit, address, serial and phone without diacritics', () => {
    expect(names({ risk: 'high', flag: 'juvenile', q: 'liepaja' })).toEqual([
      'Anna Bērziņa',
      'Ēriks Šķēle',
    ]);
    expect(names({ q: 'SKELE' })).toEqual(['Ēriks Šķēle']);
    expect(names({ q: '000123' })).toEqual(['Ēriks Šķēle']);
    expect(names({ q: '20000001' })).toEqual(['Zane Ozola']);
    expect(names({ flag: 'juvenile,mappa' })).toEqual(['Anna Bērziņa']);
  });

  it('derives the state now and sorts by any column, either way', () => {
    expect(names({ state: 'breach' })).toEqual(['Juris Kalniņš']);
    expect(names({ state: 'no_fix' })).toEqual(['Zane Ozola']);
    expect(names({ sort: 'state' })[0]).toBe('Juris Kalniņš');
    expect(names({ sort: 'riskLevel', dir: 'desc' }).at(-1)).toBe('Zane Ozola');
    expect(names({ sort: 'name', dir: 'desc' })).toEqual([
      'Zane Ozola',
      'Juris Kalniņš',
      'Ēriks Šķēle',
      'Anna Bērziņa',
    ]);
  });
});
