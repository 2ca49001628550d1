import { describe, expect, it } from 'vitest';
import { alertSchema } from '../../../../../shared/central/records';
import { clearedAlert, localAlert } from '../../../../../electron/core/alerts/rules/local-alert';
import type { StationReading } from '../../../../../electron/core/alerts/rules/station-reading';
import {
  afterOutcomes,
  conditionKey,
  evaluateReading,
  type RuleOutcome,
} from '../../../../../electron/core/alerts/rules/station-rules';

const at = '2026-11-22T02:00:00.000Z';
const event = (code: string, tagId: string | null = null) =>
  ({ kind: 'event', stationId: 'BS1', at, code, tagId }) as StationReading;
const status = (mains: boolean, batteryPct: number, caseOpen = false): StationReading => ({
  kind: 'status',
  stationId: 'BS1',
  at,
  mains,
  batteryPct,
  caseOpen,
});
const beat = (strap: 'OK' | 'OPEN' | 'CUT', tagBatteryPct = 80): StationReading => ({
  kind: 'heartbeat',
  stationId: 'BS1',
  at,
  tagId: 'T7',
  tagBatteryPct,
  strap,
});

/** Feeds readings through the rules as the core would, keeping the raised set between them. */
function run(readings: StationReading[]): RuleOutcome[][] {
  let raised = new Set<string>();
  return readings.map((reading) => {
    const outcomes = evaluateReading(reading, raised);
    raised = afterOutcomes(raised, outcomes);
    return outcomes;
  });
}

describe('local alert rules', () => {
  it('raises each event condition once, on the device it concerns, and clears it when it ends', () => {
    const [open, again, closed] = run([
      event('STRAP_OPEN', 'T7'),
      event('STRAP_OPEN', 'T7'),
      event('STRAP_CLOSED', 'T7'),
    ]);
    expect(open).toEqual([{ raise: 'strap_tamper', severity: 'critical', deviceId: 'T7', at }]);
    expect(again).toEqual([]);
    expect(closed).toEqual([{ clear: 'strap_tamper', deviceId: 'T7', at }]);
  });

  it('maps station events to the service types', () => {
    const raisedTypes = (code: string, tagId: string | null = null) =>
      run([event(code, tagId)])[0]!.map((o) => ('raise' in o ? `${o.deviceId}:${o.raise}` : ''));
    expect(raisedTypes('TAG_LOST', 'T7')).toEqual(['T7:no_communication']);
    expect(raisedTypes('MAINS_LOST')).toEqual(['BS1:base_station_power_loss']);
    expect(raisedTypes('CASE_OPEN')).toEqual(['BS1:base_station_tamper']);
    expect(raisedTypes('MOVED')).toEqual(['BS1:base_station_moved']);
    expect(raisedTypes('LOW_BATTERY')).toEqual(['BS1:battery_low']);
    expect(raisedTypes('LOW_BATTERY', 'T7')).toEqual(['T7:battery_low']);
    // An event about a tag that names none cannot be pinned on a device.
    expect(raisedTypes('STRAP_OPEN')).toEqual([]);
  });

  it('an ending event with nothing raised clears nothing', () => {
    expect(run([event('MAINS_RESTORED'), event('TAG_RETURN', 'T7')])).toEqual([[], []]);
  });

  it('status sentences agree with the events: power loss raised once, restored by status', () => {
    const outcomes = run([event('MAINS_LOST'), status(false, 90), status(true, 90)]);
    expect(outcomes[1]).toEqual([]);
    expect(outcomes[2]).toEqual([{ clear: 'base_station_power_loss', deviceId: 'BS1', at }]);
  });

  it('a falling battery moves from low to critical, and a charged one clears it', () => {
    const outcomes = run([status(true, 50), status(true, 15), status(true, 5), status(true, 60)]);
    const names = outcomes.map((list) =>
      list.map((o) => ('raise' in o ? `+${o.raise}` : `-${o.clear}`)),
    );
    expect(names).toEqual([
      [],
      ['+battery_low'],
      ['+battery_critical', '-battery_low'],
      ['-battery_critical'],
    ]);
  });

  it('a heartbeat with an open or cut strap is a tamper, and a heartbeat ends a lost tag', () => {
    const outcomes = run([event('TAG_LOST', 'T7'), beat('CUT'), beat('OK', 3)]);
    expect(outcomes[1]).toEqual([
      { clear: 'no_communication', deviceId: 'T7', at },
      { raise: 'strap_tamper', severity: 'critical', deviceId: 'T7', at },
    ]);
    expect(outcomes[2]).toEqual([
      { clear: 'strap_tamper', deviceId: 'T7', at },
      { raise: 'battery_critical', severity: 'high', deviceId: 'T7', at },
    ]);
  });

  it('builds alerts the service would accept, with ids of their own', () => {
    const [[raise]] = run([event('CASE_OPEN')]) as [[Extract<RuleOutcome, { raise: unknown }>]];
    const alert = localAlert(raise, 'C1', 3, null, at);
    expect(alertSchema.parse(alert)).toEqual(alert);
    expect(alert).toMatchObject({ id: 'LOCAL-3', state: 'open', type: 'base_station_tamper' });
    const cleared = clearedAlert(alert, '2026-11-22T02:05:00.000Z');
    expect(cleared).toMatchObject({
      version: 2,
      clearedAt: '2026-11-22T02:05:00.000Z',
      state: 'open',
    });
    expect(conditionKey('BS1', 'battery_low')).not.toBe(conditionKey('BS1', 'battery_critical'));
  });
});
