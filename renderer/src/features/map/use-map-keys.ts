import { useEffect, useEffectEvent } from 'react';

export interface MapKeys {
  focusSearch(): void;
  /** Next (+1) or previous (-1) client with an open alert. */
  step(direction: 1 | -1): void;
  zoomToAll(): void;
}

/**
 * The map's keyboard: "/" search, "n" / "p" next and previous client with an alert, "0" zoom to
 * all. Ignored while typing in a field.
 */
export function useMapKeys(keys: MapKeys): void {
  const onKey = useEffectEvent((event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      keys.focusSearch();
    } else if (event.key === 'n') keys.step(1);
    else if (event.key === 'p') keys.step(-1);
    else if (event.key === '0') keys.zoomToAll();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
