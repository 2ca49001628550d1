import { useMemo } from 'react';
import type { RegisterRow } from '../../../../shared/domain/clients';
import type { RegisterQuery } from '../../app/routes';
import { applyQuery, registerLines } from './register-view';

/** The register's rows with their state now, the view the link asks for, and the units to filter by. */
export function useRegisterView(
  rows: readonly RegisterRow[] | undefined,
  now: number,
  query: RegisterQuery,
) {
  const lines = useMemo(() => registerLines(rows ?? [], now), [rows, now]);
  const queryKey = JSON.stringify(query);
  const shown = useMemo(
    () => applyQuery(lines, JSON.parse(queryKey) as RegisterQuery),
    [lines, queryKey],
  );
  const units = useMemo(
    () => [...new Set(lines.map((l) => l.row.territorialUnit))].sort(),
    [lines],
  );
  return { lines, shown, units };
}
