import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { OperationPayload, OutboxOperation } from '../../../shared/central/operations';
import type { Shift, Zone } from '../../../shared/central/records';
import { CentralHttp } from '../../../electron/core/central/central-http';
import { OutboxSender, type Settled } from '../../../electron/core/central/outbox-sender';
import { openStore, type Store } from '../../../electron/core/db/store';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { tempDir } from '../../helpers/temp-dir';

// Every outbox operation against the training simulator's real endpoints (central-api.md).

let sim: Simulator;
let store: Store;
afterEach(async () => {
  await store.close();
  await sim.close();
});

async function setup(username = 'supervisor1') {
  sim = await startSimulator({ clients: 20, seed: 9, run: false });
  store = await openStore(join(tempDir(), 'cache.db'));
  const http = new CentralHttp(sim.url);
  const session = (await (
    await fetch(`${sim.url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ username, password: TRAINING_PASSWORD }),
    })
  ).json()) as { token: string };
  http.token = session.token;
  const settled: Settled[] = [];
  const sender = new OutboxSender({ http, store, onSettled: (s) => settled.push(s) });
  const queue = <O extends OutboxOperation>(operation: O, payload: OperationPayload<O>) =>
    store.queueAction({
      idempotencyKey: randomUUID(),
      operation,
      payload,
      at: new Date().toISOString(),
      operatorId: username,
      subjectType: 'test',
      subjectId: null,
    });
  /** Queues one action and sends it; returns how it settled. */
  const send = async <O extends OutboxOperation>(operation: O, payload: OperationPayload<O>) => {
    await queue(operation, payload);
    await sender.flush();
    return settled.at(-1)!;
  };
  return { http, sender, settled, queue, send };
}

const zoneFields = (zone: Zone) => {
  const { id: _id, version: _version, updatedAt: _updated, ...fields } = zone;
  return fields;
};

it('creates, changes and deletes a zone; the cache holds each answer at once', async () => {
  const { send } = await setup();
  const template = [...sim.state.zones.values()][0]!;
  const created = await send('zone.create', { ...zoneFields(template), name: 'Training zone' });
  expect(created.state).toBe('delivered');
  const zone = (created.answer as { zone: Zone }).zone;
  expect(await store.recordById('zones', zone.id)).toMatchObject({
    name: 'Training zone',
    version: 1,
  });

  const changed = await send('zone.update', {
    ...zoneFields(zone),
    bufferM: 75,
    zoneId: zone.id,
    expectedVersion: 1,
  });
  expect(changed.state).toBe('delivered');
  expect(await store.recordById('zones', zone.id)).toMatchObject({ bufferM: 75, version: 2 });

  expect((await send('zone.delete', { zoneId: zone.id, expectedVersion: 2 })).state).toBe(
    'delivered',
  );
  expect(sim.state.zones.has(zone.id)).toBe(false);
  expect(await store.recordById('zones', zone.id)).toBeNull();
});

it('a zone change or deletion resent after its answer was lost counts as delivered', async () => {
  const { http, queue, sender, settled } = await setup();
  const [zone, other] = [...sim.state.zones.values()];
  await store.applyRecords([
    { type: 'zone', data: zone! },
    { type: 'zone', data: other! },
  ]);
  const change = await queue('zone.update', {
    ...zoneFields(zone!),
    name: 'Renamed',
    zoneId: zone!.id,
    expectedVersion: zone!.version,
  });
  const removal = await queue('zone.delete', {
    zoneId: other!.id,
    expectedVersion: other!.version,
  });
  // Both reached the service, but their answers were lost: the outbox still has them pending.
  const { zoneId: _id, ...body } = change.payload as Record<string, unknown>;
  await http.request('PUT', `/zones/${zone!.id}`, null, body);
  await http.request('DELETE', `/zones/${other!.id}?expectedVersion=${other!.version}`, null);
  for (const item of [change, removal])
    await store.retryOutboxLater(item.id, 'answer lost', new Date(0).toISOString());
  // The stream brought the results meanwhile.
  await store.applyRecords([
    { type: 'zone', data: sim.state.zones.get(zone!.id)! },
    { type: 'zone.deleted', data: { id: other!.id } },
  ]);

  await sender.flush();
  expect(settled.map((s) => [s.item.operation, s.state])).toEqual([
    ['zone.update', 'delivered'],
    ['zone.delete', 'delivered'],
  ]);
  expect(sim.state.zones.get(zone!.id)?.version).toBe(zone!.version + 1);
});

it('writes a journal entry and runs a shift from start to accepted handover', async () => {
  const { send } = await setup('referent1');
  const started = await send('shift.start', { operatorIds: ['referent1'] });
  expect(started.state).toBe('delivered');
  const shift = (started.answer as { shift: Shift }).shift;

  const entry = await send('journal.add', {
    shiftId: shift.id,
    category: 'info',
    text: 'Quiet night so far',
    refs: { alertIds: [], clientIds: [], deviceIds: [] },
    correctsEntryId: null,
  });
  expect(entry.state).toBe('delivered');
  expect(await store.journalForShift(shift.id)).toMatchObject([{ text: 'Quiet night so far' }]);

  const handed = await send('shift.handover', {
    shiftId: shift.id,
    summary: 'Nothing open',
    openAlertIds: [],
    expectedVersion: 1,
  });
  expect(handed.state).toBe('delivered');
  expect(await store.recordById('shifts', shift.id)).toMatchObject({
    version: 2,
    handover: { outgoingSignedBy: 'referent1' },
  });
  // The same operator cannot accept their own handover: refused, with the shift as it stands.
  const refused = await send('shift.accept', { shiftId: shift.id, expectedVersion: 2 });
  expect(refused).toMatchObject({
    state: 'rejected',
    answer: { status: 409, current: { id: shift.id, endedAt: null } },
  });
});

it('the service refuses a role that may not act, and the refusal is kept', async () => {
  const { send } = await setup('technician1');
  const template = [...sim.state.zones.values()][0]!;
  const refused = await send('zone.create', { ...zoneFields(template), name: 'Not mine to make' });
  expect(refused).toMatchObject({
    state: 'rejected',
    answer: { status: 403, message: 'Your role may not do zone.create' },
  });
});
