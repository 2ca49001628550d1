import { usePageKeys } from '../../app/use-page-keys';

export interface MapKeys {
  focusSearch(): void;
  /** Next (+1) or previous (-1) client with an open alert. */
  step(direction: 1 | -1): void;
  zoomToAll(): void;
}

/** The map's keyboard: "/" search, "n" / "p" next and previous client with an alert, "0" all. */
export function useMapKeys(keys: MapKeys): void {
  usePageKeys({
    '/': keys.focusSearch,
    n: () => keys.step(1),
    p: () => keys.step(-1),
    '0': keys.zoomToAll,
  });
}
