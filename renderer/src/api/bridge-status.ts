/**
 * Whether the page can reach the console core at all. Under Electron it always can; over the
 * headless bridge the events socket may drop, and the shell must say so rather than show old data
 * as if it were live.
 */
type Listener = (up: boolean) => void;

let up = true;
const listeners = new Set<Listener>();

export function setBridgeUp(next: boolean): void {
  if (next === up) return;
  up = next;
  for (const listener of listeners) listener(up);
}

export function isBridgeUp(): boolean {
  return up;
}

export function onBridgeChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
