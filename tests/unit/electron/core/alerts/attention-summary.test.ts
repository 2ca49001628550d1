import { describe, expect, it } from 'vitest';
import { attentionSummary } from '../../../../../electron/core/alerts/attention-summary';
import type { AlertQueueItem } from '../../../../../shared/domain/alerts';

function item(
  id: string,
  severity: AlertQueueItem['alert']['severity'],
  state: string,
  raisedAt: string,
  suppressed = false,
) {
  return {
    alert: { id, severity, state, raisedAt },
    clientName: `Client of ${id}`,
    suppression: suppressed ? { id: 1, reason: 'x', until: raisedAt } : null,
  } as unknown as AlertQueueItem;
}

describe('the lock screen’s summary', () => {
  it('counts by severity, unclaimed critical ones, and names the newest without any client name', () => {
    const summary = attentionSummary([
      item('A1', 'critical', 'open', '2026-11-30T02:00:00.000Z'),
      item('A2', 'critical', 'claimed', '2026-11-30T02:05:00.000Z'),
      item('A3', 'low', 'open', '2026-11-30T02:10:00.000Z'),
      item('A4', 'high', 'open', '2026-11-30T02:20:00.000Z', true),
    ]);
    expect(summary).toEqual({
      open: 3,
      bySeverity: { critical: 2, high: 0, medium: 0, low: 1 },
      unclaimedCritical: 1,
      newest: { id: 'A3', severity: 'low' },
    });
    expect(JSON.stringify(summary)).not.toContain('Client of');
  });
});
