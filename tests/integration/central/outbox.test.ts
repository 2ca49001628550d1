import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralHttp } from '../../../electron/core/central/central-http';
import { OutboxSender, type Settled } from '../../../electron/core/central/outbox-sender';
import type { QueuedAction } from '../../../electron/core/db/queries/outbox';
import { openStore, type Store } from '../../../electron/core/db/store';
import type { Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { simulatorWithOpenAlert } from '../../helpers/central';
import { tempDir } from '../../helpers/temp-dir';

let sim: Simulator;
const stores: Store[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await sim.close();
});

async function signedIn(username: string): Promise<CentralHttp> {
  const http = new CentralHttp(sim.url);
  const answer = await fetch(`${sim.url}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username, password: TRAINING_PASSWORD }),
  });
  http.token = ((await answer.json()) as { token: string }).token;
  return http;
}

async function console_(file: string, username = 'referent1', now?: () => Date) {
  const store = await openStore(file);
  stores.push(store);
  const settled: Settled[] = [];
  const sender = new OutboxSender({
    http: await signedIn(username),
    store,
    onSettled: (s) => settled.push(s),
    now,
  });
  return { store, sender, settled };
}

async function anOpenAlert(): Promise<string> {
  const scenario = await simulatorWithOpenAlert();
  sim = scenario.sim;
  return scenario.alert.id;
}

function action(alertId: string, payload: Record<string, unknown>): QueuedAction {
  return {
    idempotencyKey: randomUUID(),
    operation: 'alert.action',
    payload: { alertId, ...payload },
    at: new Date().toISOString(),
    operatorId: 'referent1',
    subjectType: 'alert',
    subjectId: alertId,
  };
}

const claim = (alertId: string, expectedVersion: number): QueuedAction =>
  action(alertId, { kind: 'claim', payload: {}, expectedVersion });

describe('outbox', () => {
  it('delivers an action made while the service was down, once, even across a restart', async () => {
    const alertId = await anOpenAlert();
    const file = join(tempDir(), 'cache.db');
    const before = await console_(file);
    await before.store.queueAction(claim(alertId, sim.state.alerts.get(alertId)!.version));
    sim.faults.failures = { remaining: 1000, status: 503 };
    await before.sender.flush();
    const [pending] = await before.store.listOutbox(['pending'], 10);
    expect(pending).toMatchObject({ attempts: 1, lastError: 'Injected failure' });
    await before.store.close();
    stores.length = 0;

    sim.faults.clear();
    // Restarted before the retry time the backoff set (on the clock: a restart under load can
    // take longer than the first backoff): nothing is sent early.
    const after = await console_(
      file,
      'referent1',
      () => new Date(Date.parse(pending!.nextAttemptAt) - 1),
    );
    await after.sender.flush();
    expect(after.settled).toEqual([]);
    await after.store.retryOutboxLater(pending!.id, 'test: due now', new Date(0).toISOString());
    await after.sender.flush();

    expect(after.settled.map((s) => s.state)).toEqual(['delivered']);
    expect(sim.state.alerts.get(alertId)).toMatchObject({
      state: 'claimed',
      claimedBy: 'referent1',
    });
    expect(sim.state.actions.get(alertId)?.map((a) => a.kind)).toEqual(['claim']);
  });

  it('a resend after a lost answer changes nothing at the service', async () => {
    const alertId = await anOpenAlert();
    const { store, sender, settled } = await console_(join(tempDir(), 'cache.db'));
    const version = sim.state.alerts.get(alertId)!.version;
    const item = await store.queueAction(claim(alertId, version));
    // The action reached the service with this key, but the answer never came back: the item
    // is still pending in the outbox when the console sends it again.
    const http = await signedIn('referent1');
    await http.request('POST', `/alerts/${alertId}/actions`, null, {
      kind: 'claim',
      payload: {},
      expectedVersion: version,
      idempotencyKey: item.idempotencyKey,
    });
    await sender.flush();
    expect(settled.map((s) => s.state)).toEqual(['delivered']);
    expect(sim.state.actions.get(alertId)).toHaveLength(1);
    expect(sim.state.alerts.get(alertId)?.version).toBe(version + 1);
  });

  it('keeps a refusal with what the service says is now true, and does not send it again', async () => {
    const alertId = await anOpenAlert();
    const other = await console_(join(tempDir(), 'other.db'), 'referent2');
    await other.store.queueAction(claim(alertId, sim.state.alerts.get(alertId)!.version));
    await other.sender.flush();
    const mine = await console_(join(tempDir(), 'cache.db'));
    await mine.store.queueAction(claim(alertId, sim.state.alerts.get(alertId)!.version));
    await mine.sender.flush();
    expect(mine.settled).toEqual([
      expect.objectContaining({
        state: 'rejected',
        answer: expect.objectContaining({
          status: 409,
          message: 'Cannot claim: the alert is claimed by referent2',
        }),
      }),
    ]);
    await mine.sender.flush();
    expect(mine.settled).toHaveLength(1);
    expect(sim.state.actions.get(alertId)?.map((a) => a.operatorId)).toEqual(['referent2']);
  });

  it('keeps the operator’s order: a later action waits while an earlier one cannot be sent', async () => {
    const alertId = await anOpenAlert();
    const { store, sender, settled } = await console_(join(tempDir(), 'cache.db'));
    const version = sim.state.alerts.get(alertId)!.version;
    await store.queueAction(claim(alertId, version));
    await store.queueAction(
      action(alertId, {
        kind: 'note',
        payload: { text: 'Called the client: no answer' },
        expectedVersion: version + 1,
      }),
    );
    sim.faults.failures = { remaining: 1, status: 500 };
    await sender.flush();
    expect(settled).toEqual([]);
    expect(await store.listOutbox(['pending'], 10)).toHaveLength(2);
  });
});
