import { useEffect, useRef, useState } from 'react';

/** Rows drawn beyond each edge of the view, so a fast scroll shows no gap. */
const OVERSCAN = 6;

/** Which rows of a fixed-height list are in sight: the first index and one past the last. */
export function visibleRange(
  top: number,
  height: number,
  rowHeight: number,
  count: number,
): { first: number; last: number } {
  return {
    first: Math.max(0, Math.floor(top / rowHeight) - OVERSCAN),
    last: Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN),
  };
}

/**
 * The console's hand-written virtualiser as it was before bench:list measured it against
 * @tanstack/react-virtual (state set on scroll, rows drawn a frame later): kept here as the
 * benchmark's baseline. Same interface as renderer/src/app/virtual-rows.ts.
 */
export function useHandWrittenRows(count: number, rowHeight: number, selectedIndex: number) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const element = box.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [selectedIndex, rowHeight]);

  return {
    ...visibleRange(view.top, view.height, rowHeight, count),
    totalHeight: count * rowHeight,
    scroller: {
      ref: box,
      onScroll: (event: { currentTarget: HTMLDivElement }) =>
        setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight }),
    },
  };
}
