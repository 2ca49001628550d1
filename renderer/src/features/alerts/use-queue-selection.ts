import { useEffect, useState } from 'react';
import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import { currentLink } from '../../app/routes';
import { inFilter, queueRows, type QueueFilter } from './queue-rows';

/** `#/alerts?alert=ID` (an escalation's link) opens that alert. */
const alertFromHash = (): string | null => currentLink('alerts')?.alert ?? null;

/**
 * Which alert of the queue is shown: the one chosen (by click, key or link; kept in view even once
 * resolved, so its final journal stays), else the first row; the filter (open or suppressed) and
 * the incidents opened.
 */
export function useQueueSelection(items: AlertQueueItem[] | null) {
  const [chosen, setChosen] = useState<string | null>(alertFromHash);
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const onHash = (): void => {
      const linked = alertFromHash();
      if (linked) setChosen(linked);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const all = items ?? [];
  const list = all.filter(inFilter(filter));
  const suppressedCount = all.length - all.filter(inFilter('open')).length;
  const rows = queueRows(list, expanded);
  const selectedId = chosen ?? rows[0]?.item.alert.id ?? null;
  const selectedRow = rows.find((row) =>
    row.incident.members.some((m) => m.alert.id === selectedId),
  );

  const choose = setChosen;
  /** One row down or up, or to the first or the last row. */
  const move = (step: 1 | -1 | 'first' | 'last'): void => {
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.item.alert.id === selectedId);
    const to = step === 'first' ? 0 : step === 'last' ? rows.length - 1 : at + step;
    choose(rows[Math.min(rows.length - 1, Math.max(0, to))]!.item.alert.id);
  };
  const toggle = (key: string, open?: boolean): void =>
    setExpanded((held) => {
      const next = new Set(held);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  /** Opens or closes the selected row's incident; closed, the selection goes to its lead. */
  const incident = (open?: boolean): void => {
    if (!selectedRow) return;
    const opening = open ?? !selectedRow.expanded;
    toggle(selectedRow.incident.key, opening);
    if (!opening) choose(selectedRow.incident.lead.alert.id);
  };
  const showFilter = (next: QueueFilter): void => {
    setFilter(next);
    choose(null);
  };

  return {
    all,
    list,
    rows,
    suppressedCount,
    filter,
    selectedId,
    selectedRow,
    choose,
    move,
    toggle,
    incident,
    showFilter,
  };
}
