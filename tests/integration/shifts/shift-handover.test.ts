import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator } from '../../../electron/core/simulator/simulator';
import { raiseAlert } from '../../../electron/core/simulator/raise-alert';
import type { ShiftView } from '../../../shared/domain/shifts';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { until } from '../stations/station-bench';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NO_REFS = { alertIds: [], clientIds: [], deviceIds: [] };

/** The shift view once the service has what this console sent (nothing waiting). */
const settled = (core: ConsoleCore, done: (view: ShiftView) => boolean) =>
  until(
    () => call(core, 'shifts.current', {}),
    (view) =>
      !view.waiting.start &&
      !view.waiting.handover &&
      !view.waiting.accept &&
      view.journal.every((e) => !e.waiting) &&
      done(view),
    'shift settled',
    10_000,
  );

describe('a shift from start to handover', () => {
  it('journals, corrects, drafts exactly the unresolved alerts, and is accepted by another referent', async () => {
    const sim = await startSimulator({ clients: 20, seed: 31, run: false });
    cleanups.push(() => sim.close());
    const clients = [...sim.state.clients.values()];
    const outgoing = await consoleOn(sim, 'referent1', cleanups);
    await call(outgoing, 'shifts.start', { operatorIds: ['referent1'] });
    const started = await settled(outgoing, (v) => v.shift !== null);
    const shift = started.shift!;

    // Two alerts in the shift: one resolved, one left open.
    const [done, left] = [clients[0]!, clients[1]!].map((c) =>
      sim.state.at(Date.now(), () =>
        raiseAlert(
          sim.state,
          {
            clientId: c.id,
            deviceId: null,
            zoneId: null,
            type: 'strap_tamper',
            severity: 'critical',
          },
          null,
        ),
      ),
    );
    await until(
      () => call(outgoing, 'alerts.queue', {}),
      (q) => q.items.some((i) => i.alert.id === left!.id),
      'alerts arrive',
    );
    let version = done!.version;
    for (const [kind, payload] of [
      ['claim', {}],
      ['acknowledge', {}],
      ['resolve', { code: 'false_alarm', note: 'strap checked by phone' }],
    ] as const) {
      await call(outgoing, 'alerts.act', {
        alertId: done!.id,
        kind,
        payload,
        expectedVersion: version,
      });
      const alert = await until(
        () => call(outgoing, 'alerts.detail', { alertId: done!.id }),
        (d) => d.item.alert.version > version,
        kind,
      );
      version = alert.item.alert.version;
    }

    await call(outgoing, 'journal.add', {
      category: 'contact',
      text: 'Zvanīju klientam uz Rīgā reģistrēto numuru',
      refs: { ...NO_REFS, alertIds: [left!.id], clientIds: [left!.clientId] },
      correctsEntryId: null,
    });
    const first = await settled(outgoing, (v) => v.journal.length === 1);
    await call(outgoing, 'journal.add', {
      category: 'contact',
      text: 'Numurs bija šķirts, zvanīju lietas vadītājam',
      refs: NO_REFS,
      correctsEntryId: first.journal[0]!.id,
    });
    const journal = (await settled(outgoing, (v) => v.journal.length === 2)).journal;
    expect(journal[1]).toMatchObject({ correctsEntryId: journal[0]!.id, operatorId: 'referent1' });
    await expect(
      call(outgoing, 'journal.add', {
        category: 'info',
        text: 'x',
        refs: NO_REFS,
        correctsEntryId: 'JE-none',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });

    // Search: no case, no diacritics; by category and client.
    expect((await call(outgoing, 'journal.search', { text: 'RIGA' })).map((e) => e.id)).toEqual([
      journal[0]!.id,
    ]);
    expect((await call(outgoing, 'journal.search', { text: 'skirts' })).map((e) => e.id)).toEqual([
      journal[1]!.id,
    ]);
    expect(
      await call(outgoing, 'journal.search', { text: 'skirts', category: 'incident' }),
    ).toEqual([]);
    expect(
      (await call(outgoing, 'journal.search', { clientId: left!.clientId })).map((e) => e.id),
    ).toEqual([journal[0]!.id]);

    // The draft lists exactly the alerts not resolved; the resolved one with its outcome.
    const draft = await call(outgoing, 'shifts.draft', { shiftId: shift.id });
    const unresolved = [...sim.state.alerts.values()]
      .filter((a) => a.state !== 'resolved')
      .map((a) => a.id)
      .sort();
    expect(draft.open.map((line) => line.alert.id).sort()).toEqual(unresolved);
    expect(draft.resolved.map((line) => [line.alert.id, line.alert.resolution?.code])).toEqual([
      [done!.id, 'false_alarm'],
    ]);

    await call(outgoing, 'shifts.handover', {
      shiftId: shift.id,
      summary: 'Viena trauksme atvērta.',
      openAlertIds: unresolved,
      expectedVersion: shift.version,
    });
    const signed = (await settled(outgoing, (v) => v.shift?.handover !== null)).shift!;
    expect(signed.handover).toMatchObject({
      outgoingSignedBy: 'referent1',
      openAlertIds: unresolved,
    });
    await expect(
      call(outgoing, 'shifts.accept', { shiftId: shift.id, expectedVersion: signed.version }),
    ).rejects.toMatchObject({
      code: 'conflict',
      params: { what: 'same_operator' },
    });

    // The incoming referent, on their own console: sees it waiting, accepts, the shift ends.
    const incoming = await consoleOn(sim, 'referent2', cleanups);
    const waiting = await until(
      () => call(incoming, 'shifts.current', {}),
      (v) => v.shift?.handover !== null && v.shift !== null,
      'incoming sees it',
    );
    await call(incoming, 'shifts.accept', {
      shiftId: shift.id,
      expectedVersion: waiting.shift!.version,
    });
    await settled(incoming, (v) => v.shift === null);
    expect(sim.state.shifts.get(shift.id)).toMatchObject({
      handover: { incomingSignedBy: 'referent2' },
    });
    expect(sim.state.shifts.get(shift.id)!.endedAt).not.toBeNull();

    // The next shift can start; a second start while it is open is refused with who holds it.
    await call(incoming, 'shifts.start', { operatorIds: ['referent2'] });
    await settled(incoming, (v) => v.shift !== null);
    await until(
      () => call(outgoing, 'shifts.current', {}),
      (v) => v.shift !== null,
      'outgoing sees it',
    );
    await expect(
      call(outgoing, 'shifts.start', { operatorIds: ['referent1'] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      params: { what: 'shift_open', names: expect.stringMatching(/\S/) },
    });
  }, 60_000);

  it('delivers a journal entry written while the service was down exactly once', async () => {
    const sim = await startSimulator({ clients: 5, seed: 32, run: false });
    cleanups.push(() => sim.close());
    const core = await consoleOn(sim, 'referent1', cleanups);
    await call(core, 'shifts.start', { operatorIds: ['referent1'] });
    await settled(core, (v) => v.shift !== null);
    sim.faults.failures = { remaining: 2, status: 503 };
    const view = await call(core, 'journal.add', {
      category: 'info',
      text: 'Written while offline',
      refs: NO_REFS,
      correctsEntryId: null,
    });
    expect(view.journal.find((e) => e.text === 'Written while offline')?.waiting).toBe(true);
    const delivered = await settled(core, (v) => v.journal.length === 1);
    expect(delivered.journal[0]).toMatchObject({ text: 'Written while offline', waiting: false });
    expect(sim.state.journal.filter((e) => e.text === 'Written while offline')).toHaveLength(1);
  }, 60_000);
});
