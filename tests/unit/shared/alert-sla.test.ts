import { describe, expect, it } from 'vitest';
import { defaultAlertSla, slaStatus } from '../../../shared/domain/alerts';
import { alert } from '../../fixtures/central-records';

const base = alert({ severity: 'critical' });

describe('SLA status (controlled clock)', () => {
  const raised = Date.parse(base.raisedAt);
  it('counts the claim target down, then overruns it', () => {
    expect(slaStatus(base, defaultAlertSla, raised + 45_000)).toEqual({
      due: 'claim',
      dueAt: raised + 60_000,
      remainingMs: 15_000,
      breached: false,
    });
    expect(slaStatus(base, defaultAlertSla, raised + 61_000)).toMatchObject({
      breached: true,
      remainingMs: -1_000,
    });
  });

  it('once claimed, counts toward resolution from when it was raised', () => {
    const claimed = { ...base, state: 'claimed' as const, severity: 'high' as const };
    expect(slaStatus(claimed, defaultAlertSla, raised + 30 * 60_000)).toMatchObject({
      due: 'resolve',
      remainingMs: 30 * 60_000,
      breached: false,
    });
    expect(slaStatus({ ...claimed, state: 'resolved' }, defaultAlertSla, raised)).toMatchObject({
      due: null,
      breached: false,
    });
  });

  it('a released alert is as late for its claim as it has waited', () => {
    const released = { ...base, severity: 'medium' as const };
    expect(slaStatus(released, defaultAlertSla, raised + 20 * 60_000)).toMatchObject({
      due: 'claim',
      breached: true,
    });
  });
});
