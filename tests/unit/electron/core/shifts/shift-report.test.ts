import { describe, expect, it } from 'vitest';
import { shiftReport } from '../../../../../electron/core/shifts/shift-report';
import type { Alert, AlertAction, Shift } from '../../../../../shared/central/records';
import { defaultAlertSla } from '../../../../../shared/domain/alerts';
import { newAlertRecord } from '../../../../../shared/central/new-alert';

const START = Date.parse('2026-11-30T06:00:00.000Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

function alert(
  id: string,
  raisedMin: number,
  severity: Alert['severity'],
  resolvedMin: number | null,
): Alert {
  const base = newAlertRecord(
    id,
    { clientId: 'CL-1', deviceId: null, zoneId: null, type: 'strap_tamper', severity },
    null,
    at(raisedMin),
    at(raisedMin),
  );
  return resolvedMin === null
    ? base
    : {
        ...base,
        state: 'resolved',
        resolvedAt: at(resolvedMin),
        resolution: { code: 'false_alarm', note: '' },
      };
}

const claim = (alertId: string, minute: number, operatorId: string): AlertAction => ({
  id: `A-${alertId}`,
  alertId,
  operatorId,
  at: at(minute),
  kind: 'claim',
  payload: {},
});

describe('the shift report', () => {
  it('gives claim and resolve times against the targets, each operator’s load, and flags a 13-hour shift', () => {
    const shift: Shift = {
      id: 'SH-1',
      version: 2,
      startedAt: at(0),
      endedAt: at(13 * 60),
      operatorIds: ['referent1', 'referent2'],
      handover: null,
    };
    // critical: claim within 60 s, resolve within 15 min; high: 5 min and 60 min.
    const alerts = [
      alert('AL-1', 10, 'critical', 20), // claimed after 0.5 min (met), resolved after 10 min (met)
      alert('AL-2', 30, 'critical', 60), // claimed after 3 min (missed), resolved after 30 min (missed)
      alert('AL-3', 100, 'high', null), // never claimed: 680 min waiting at the end, missed both
    ];
    const actions = [claim('AL-1', 10.5, 'referent1'), claim('AL-2', 33, 'referent2')];
    const report = shiftReport({
      shift,
      alerts,
      actions,
      journal: [],
      sla: defaultAlertSla,
      names: {
        clients: new Map([['CL-1', 'Jānis']]),
        operators: new Map([['referent1', 'Referents 1']]),
      },
      now: new Date(at(14 * 60)),
    });
    expect(report.claim).toEqual({ count: 3, met: 1, medianS: 180, worstS: 680 * 60 });
    expect(report.resolve).toEqual({ count: 3, met: 1, medianS: 30 * 60, worstS: 680 * 60 });
    expect(report.byType).toEqual([
      { type: 'strap_tamper', raised: 3, outcomes: { false_alarm: 2, open: 1 } },
    ]);
    expect(report.operators).toEqual([
      { id: 'referent1', name: 'Referents 1', alertsHandled: 1, hoursOnDuty: 13, overlong: true },
      { id: 'referent2', name: 'referent2', alertsHandled: 1, hoursOnDuty: 13, overlong: true },
    ]);
    expect(report.alerts.find((a) => a.id === 'AL-1')).toMatchObject({
      claimS: 30,
      claimMet: true,
      resolveS: 600,
      resolveMet: true,
    });
  });

  it('leaves out a target not yet due', () => {
    const shift: Shift = {
      id: 'SH-2',
      version: 1,
      startedAt: at(0),
      endedAt: null,
      operatorIds: ['referent1'],
      handover: null,
    };
    const report = shiftReport({
      shift,
      alerts: [alert('AL-9', 59, 'low', null)],
      actions: [],
      journal: [],
      sla: defaultAlertSla,
      names: { clients: new Map(), operators: new Map() },
      now: new Date(at(60)),
    });
    expect(report.claim).toEqual({ count: 0, met: 0, medianS: null, worstS: null });
    expect(report.operators[0]).toMatchObject({ hoursOnDuty: 1, overlong: false });
  });
});
