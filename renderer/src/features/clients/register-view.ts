import { clientState, type ClientState, type RegisterRow } from '../../../../shared/domain/clients';
import { foldForSearch } from '../../../../shared/format/search';
import type { RegisterQuery } from '../../app/routes';

export const sortKeys = [
  'name',
  'caseNumber',
  'supervisionType',
  'riskLevel',
  'territorialUnit',
  'state',
  'openAlerts',
  'lastContact',
  'battery',
] as const;
export type SortKey = (typeof sortKeys)[number];

/** A row as the register shows and sorts it: the facts plus the state now. */
export interface RegisterLine {
  row: RegisterRow;
  state: ClientState;
  /** Folded text searched by the box: name, case number, device serials, phone. */
  haystack: string;
  /** Folded text columns, compared when sorting (folded once, not at every comparison). */
  folded: { name: string; caseNumber: string; supervisionType: string; territorialUnit: string };
}

const RISK_ORDER = { low: 0, medium: 1, high: 2, very_high: 3 } as const;
const STATE_ORDER: Record<ClientState, number> = { breach: 0, device_problem: 1, no_fix: 2, ok: 3 };
const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

export function registerLines(rows: readonly RegisterRow[], nowMs: number): RegisterLine[] {
  return rows.map((row) => ({
    row,
    state: clientState(row, nowMs),
    folded: {
      name: foldForSearch(row.name),
      caseNumber: foldForSearch(row.caseNumber),
      supervisionType: row.supervisionType ?? '',
      territorialUnit: foldForSearch(row.territorialUnit),
    },
    haystack: foldForSearch(
      [
        row.name,
        row.caseNumber,
        ...row.deviceSerials,
        row.phone ?? '',
        row.address ?? '',
        row.territorialUnit,
      ].join(' '),
    ),
  }));
}

function sortValue(line: RegisterLine, key: SortKey): string | number {
  const { row } = line;
  switch (key) {
    case 'riskLevel':
      return row.riskLevel ? RISK_ORDER[row.riskLevel] : -1;
    case 'state':
      return STATE_ORDER[line.state];
    case 'openAlerts':
      return row.openTypes.length;
    case 'lastContact':
      return row.lastContactAt ?? '';
    case 'battery':
      return row.batteryPct ?? 101;
    default:
      return line.folded[key];
  }
}

/**
 * The register as the link asks for it: every filter is an AND, a list filter (risk, flag) takes
 * any of its values for risk and all of them for flags; the search (name, case number, device
 * serial, phone, address, unit) ignores case and diacritics.
 */
export function applyQuery(lines: readonly RegisterLine[], query: RegisterQuery): RegisterLine[] {
  const risks = list(query.risk);
  const flags = list(query.flag);
  const words = foldForSearch(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const shown = lines.filter(
    ({ row, state, haystack }) =>
      (risks.length === 0 || (row.riskLevel !== null && risks.includes(row.riskLevel))) &&
      flags.every((flag) => row.flags.includes(flag)) &&
      (!query.type || row.supervisionType === query.type) &&
      (!query.unit || row.territorialUnit === query.unit) &&
      (!query.state || state === query.state) &&
      words.every((word) => haystack.includes(word)),
  );
  const key = (sortKeys as readonly string[]).includes(query.sort ?? '')
    ? (query.sort as SortKey)
    : 'name';
  const sign = query.dir === 'desc' ? -1 : 1;
  return shown.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.folded.name < b.folded.name ? -1 : 1);
  });
}

const QUERY_KEYS = ['q', 'risk', 'type', 'flag', 'unit', 'state', 'sort', 'dir'] as const;

/** The register's part of a link (not its route, not a client file's id). */
export function registerQueryOf(link: RegisterQuery): RegisterQuery {
  const query: RegisterQuery = {};
  for (const key of QUERY_KEYS) if (link[key]) query[key] = link[key];
  return query;
}
