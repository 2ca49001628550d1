import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('the training world with a day already lived', () => {
  it('opens with every client placed, the day’s alerts worked in shifts handed over', async () => {
    const start = Date.parse('2026-11-30T06:30:00.000Z');
    sim = await startSimulator({
      clients: 120,
      seed: 4,
      run: false,
      start: new Date(start),
      livedHours: 24,
    });
    const { state } = sim;
    // Every client has reported (a fresh world leaves most without a fix for minutes).
    for (const id of state.clients.keys())
      expect(state.positions.get(id)?.length).toBeGreaterThan(0);

    const shifts = [...state.shifts.values()].sort((a, b) =>
      a.startedAt.localeCompare(b.startedAt),
    );
    expect(shifts).toHaveLength(3);
    for (const shift of shifts) {
      expect(shift.endedAt).not.toBeNull();
      expect(shift.handover?.outgoingSignedBy).toBe(shift.operatorIds[0]);
      expect(shift.handover?.incomingSignedBy).not.toBe(shift.handover?.outgoingSignedBy);
    }

    const alerts = [...state.alerts.values()];
    expect(alerts.length).toBeGreaterThan(10);
    const old = alerts.filter((a) => Date.parse(a.raisedAt) < start - 10 * 60_000);
    for (const alert of old) {
      expect(alert.state).toBe('resolved');
      const kinds = (state.actions.get(alert.id) ?? []).map((a) => a.kind);
      expect(kinds).toEqual(['claim', 'contact', 'resolve']);
      // Worked by the referent on duty when it was raised.
      const shift = shifts.find(
        (s) => s.startedAt <= alert.raisedAt && alert.raisedAt < (s.endedAt ?? '9'),
      );
      if (shift) expect(state.actions.get(alert.id)![0]!.operatorId).toBe(shift.operatorIds[0]);
    }
    const serious = old.filter((a) => a.severity === 'critical' || a.severity === 'high');
    const journalled = new Set(state.journal.flatMap((e) => e.refs.alertIds));
    for (const alert of serious) expect(journalled.has(alert.id)).toBe(true);
    expect(state.journal.filter((e) => e.category === 'handover')).toHaveLength(3);
  });

  it('raises each cause as often as its rate says', async () => {
    const start = new Date('2026-11-30T06:30:00.000Z');
    const tampers = async (rate?: number) => {
      const world = await startSimulator({
        clients: 200,
        seed: 4,
        run: false,
        start,
        livedHours: 24,
        ...(rate === undefined ? {} : { rates: { strap_tamper: rate } }),
      });
      const n = [...world.state.alerts.values()].filter((a) => a.type === 'strap_tamper').length;
      await world.close();
      return n;
    };
    // 200 clients over a day at 0.25 a day: 50 expected (binomial: within 30–70 at this seed).
    const many = await tampers(0.25);
    expect(many).toBeGreaterThan(30);
    expect(many).toBeLessThan(70);
    expect(await tampers()).toBeLessThan(5); // the default, 0.004 a day
  });
});
