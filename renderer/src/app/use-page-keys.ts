import { useEffect, useEffectEvent } from 'react';

/**
 * A page's single-key shortcuts (key → what it does), ignored while typing in a field or with a
 * modifier held, so they never eat what a referent types.
 */
export function usePageKeys(keys: Record<string, () => void>): void {
  const onKey = useEffectEvent((event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
