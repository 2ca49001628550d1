import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/core/db/store';
import { Routes } from '../../../electron/core/simulator/routes';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/until';

let sim: Simulator | null = null;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  await sim?.close();
  store = sim = null;
});

const MB = 1024 * 1024;

/** The snapshot's bytes as the service sends them. */
function snapshotBytes(simulator: Simulator): ArrayBuffer {
  const body = new Routes(simulator.state).snapshot().body;
  return new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer;
}

describe('the store writer after a snapshot', () => {
  it('is a fresh thread: the snapshot’s objects go with the old one, and no request is lost or reordered', async () => {
    // Stepped, not on a timer: the service's truth must not move on while the test compares.
    sim = await startSimulator({ clients: 5_000, run: false });
    sim.advanceTo(new Date(sim.now().getTime() + 5 * 60_000));
    const expectedFixes = sim.state.lastPositions().length;
    expect(expectedFixes).toBeGreaterThan(1_000);
    store = await openStore(join(tempDir(), 'cache.db'));
    const staged = await store.stageSnapshot(snapshotBytes(sim));
    if (!staged.ok) throw new Error(staged.problem);
    const whileStaged = await store.heapUsedBytes();

    // Sent at once: the two reads after the apply wait for the hand-over and see what it wrote,
    // including the last fixes the old thread held in memory.
    const [, cursor, fixes, counts] = await Promise.all([
      store.applyStagedSnapshot([], Date.now()),
      store.cursor(),
      store.lastPositions(),
      store.counts(),
    ]);
    expect(cursor).toBe(staged.seq);
    expect(fixes).toHaveLength(expectedFixes);
    expect(counts.clients).toBe(5_000);

    // The staged snapshot of 5,000 clients held tens of MB; the new thread, once it has taken
    // over (in the background, within a second or so), holds what a start does.
    expect(whileStaged).toBeGreaterThan(20 * MB);
    const opened = store;
    await until(
      () => opened.heapUsedBytes(),
      (used) => used < whileStaged / 2,
      { timeoutMs: 5_000 },
    );
    expect(await store.cursor()).toBe(staged.seq);
    expect(await store.lastPositions()).toHaveLength(fixes.length);
  }, 60_000);
});
