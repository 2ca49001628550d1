import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/** Rows drawn beyond each edge of the view, so a fast scroll shows no gap. */
const OVERSCAN = 6;

/**
 * The one virtualiser for the console's long lists (the alert queue now; the client register,
 * timeline and journal next): rows of one fixed height, only those in sight rendered, and the
 * selected row scrolled into view when the selection moves (`selectedKey` changes: a key, a click,
 * a link) — not when rows come or go around it: a list that grows while someone reads it (the
 * alert queue in a flood, an incident opened further down) stays where they are reading.
 * A thin hook over @tanstack/react-virtual, which `npm run bench:list` measured against the
 * console's earlier hand-written one: rows for a new scroll position are in the page a frame
 * sooner.
 * Put `scroller` on the scrolling element, give its inner element `totalHeight`, and place row i
 * at `i * rowHeight` for i from `first` to `last - 1`.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  selectedIndex: number,
  selectedKey: unknown = selectedIndex,
) {
  const box = useRef<HTMLDivElement>(null);
  /** The selection last scrolled to: a moved row is not followed, a newly chosen one is. */
  const followed = useRef<unknown>(undefined);
  // TanStack's virtualizer changes with every scroll, so the compiler may not memoize around it;
  // this hook is the one place the console uses it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
  });
  useEffect(() => {
    if (selectedIndex < 0 || selectedIndex >= count || Object.is(followed.current, selectedKey))
      return;
    followed.current = selectedKey;
    rows.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, selectedKey, count, rows]);
  const items = rows.getVirtualItems();
  return {
    first: items[0]?.index ?? 0,
    last: (items.at(-1)?.index ?? -1) + 1,
    totalHeight: rows.getTotalSize(),
    scroller: { ref: box },
  };
}
