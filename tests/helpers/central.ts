import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { Backoff } from '../../electron/core/central/backoff';
import { CentralClient } from '../../electron/core/central/central-client';
import { ConnectionTracker } from '../../electron/core/central/connection-state';
import { openStore, type Store } from '../../electron/core/db/store';
import { EventBus } from '../../electron/core/events/event-bus';
import { startSimulator, type Simulator } from '../../electron/core/simulator/simulator';
import type { Alert } from '../../shared/central/records';
import { TRAINING_PASSWORD } from '../../electron/core/simulator/training-accounts';

export interface Console {
  store: Store;
  client: CentralClient;
  file: string;
  errors: string[];
}

/** A console core's sync half: a real store file and a client logged in to the simulator. */
export async function startConsole(
  sim: Simulator,
  dir: string,
  afterLogin?: () => void,
): Promise<Console> {
  const file = join(dir, 'cache.db');
  const store = await openStore(file);
  const errors: string[] = [];
  const client = new CentralClient({
    baseUrl: sim.url,
    store,
    connection: new ConnectionTracker(new EventBus(), () => new Date(), sim.url),
    logError: (message, error) =>
      errors.push(error instanceof Error ? `${message} (${error.message})` : message),
    backoff: new Backoff(20, 200),
  });
  await client.login('referent1', TRAINING_PASSWORD);
  afterLogin?.();
  client.start();
  return { store, client, file, errors };
}

export async function stopConsole(console: Console): Promise<void> {
  await console.client.stop();
  await console.store.close();
}

/** Waits until the cache has applied everything the simulator has emitted. */
export async function waitForCatchUp(
  console: Console,
  sim: Simulator,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await console.store.cursor()) < sim.state.seq) {
    if (Date.now() > deadline) {
      throw new Error(
        `not caught up: cursor ${await console.store.cursor()} of ${sim.state.seq}; ${console.errors.join('; ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The cache against the simulator's truth: every record at the service's version, the same open
 * alerts and zones, each client's newest fix, and no position stored twice.
 */
export async function expectCacheMatchesTruth(console: Console, sim: Simulator): Promise<void> {
  // Through the store: it writes the last fixes it holds in memory before they are read.
  const lastFixes = new Map((await console.store.lastPositions()).map((p) => [p.clientId, p.id]));
  const db = new Database(console.file, { readonly: true });
  const versions = (table: string, where = '1') =>
    new Map(
      (
        db.prepare(`SELECT id, version FROM ${table} WHERE ${where}`).all() as {
          id: string;
          version: number;
        }[]
      ).map((r) => [r.id, r.version]),
    );
  const truth = <T extends { id: string; version: number }>(records: Iterable<T>) =>
    new Map([...records].map((r) => [r.id, r.version]));
  const s = sim.state;
  expect(versions('clients')).toEqual(truth(s.clients.values()));
  expect(versions('devices')).toEqual(truth(s.devices.values()));
  expect(versions('zones', 'deleted = 0')).toEqual(truth(s.zones.values()));
  expect(versions('alerts', "state <> 'resolved'")).toEqual(
    truth([...s.alerts.values()].filter((a) => a.state !== 'resolved')),
  );
  for (const [id, version] of versions('alerts')) expect(version).toBe(s.alerts.get(id)?.version);
  expect(lastFixes).toEqual(new Map(s.lastPositions().map((p) => [p.clientId, p.id])));
  const stored = db
    .prepare('SELECT count(*) AS n, count(DISTINCT id) AS distinct_ids FROM positions')
    .get() as { n: number; distinct_ids: number };
  expect(stored.n).toBe(stored.distinct_ids);
  expect((db.prepare('SELECT seq FROM stream_cursor').get() as { seq: number }).seq).toBe(s.seq);
  db.close();
}

/**
 * A simulator that has run a day for 80 clients (seed 3), and one of its open alerts: the
 * scenario the outbox and alert-action tests act on.
 */
export async function simulatorWithOpenAlert(): Promise<{ sim: Simulator; alert: Alert }> {
  const sim = await startSimulator({
    clients: 80,
    seed: 3,
    start: new Date('2026-11-23T16:00:00.000Z'),
    run: false,
  });
  sim.advanceTo(new Date('2026-11-24T16:00:00.000Z'));
  const alert = [...sim.state.alerts.values()].find((candidate) => candidate.state === 'open');
  if (!alert) throw new Error('the scenario raised no alert');
  return { sim, alert };
}
