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
 * The one virtualiser for the console's long lists (the alert queue now; the client register,
 * timeline and journal next): rows of one fixed height, only those in sight rendered, and the
 * selected row scrolled into view as the keyboard moves it. Spread `scroller` on the scrolling
 * element and give its inner element `totalHeight`; place row i at `i * rowHeight`.
 */
export function useVirtualRows(count: number, rowHeight: number, selectedIndex: number) {
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
