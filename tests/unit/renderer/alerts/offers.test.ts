import { describe, expect, it } from 'vitest';
import { alert } from '../../../fixtures/central-records';
import { offersFor } from '../../../../renderer/src/features/alerts/offers';

const base = alert({ severity: 'critical' });
const anna = { id: 'referent1', roles: ['referent' as const] };
const peteris = { id: 'referent2', roles: ['referent' as const] };
const ilze = { id: 'supervisor1', roles: ['referent' as const, 'supervisor' as const] };
const possible = (offers: ReturnType<typeof offersFor>): string[] =>
  offers.filter((offer) => offer.refusal === null).map((offer) => offer.kind);

describe('what the alert detail offers', () => {
  it('follows the state machine for the claimant', () => {
    expect(possible(offersFor(base, anna, null))).toEqual(['claim', 'note', 'contact', 'escalate']);
    const claimed = { ...base, state: 'claimed' as const, claimedBy: 'referent1' };
    expect(possible(offersFor(claimed, anna, null))).toEqual([
      'release',
      'acknowledge',
      'note',
      'contact',
      'escalate',
    ]);
    const acknowledged = { ...claimed, state: 'acknowledged' as const };
    expect(possible(offersFor(acknowledged, anna, null))).toEqual([
      'note',
      'contact',
      'escalate',
      'resolve',
    ]);
    expect(possible(offersFor({ ...base, state: 'resolved' }, anna, null))).toEqual([]);
  });

  it('offers another referent no move on a claimed alert, and says whose it is', () => {
    const claimed = { ...base, state: 'claimed' as const, claimedBy: 'referent1' };
    const offers = offersFor(claimed, peteris, null);
    expect(possible(offers)).toEqual(['note', 'contact', 'escalate']);
    expect(offers.find((offer) => offer.kind === 'claim')?.refusal).toBe(
      'the alert is claimed by referent1',
    );
    // A supervisor may release anyone's claim, and nothing more.
    expect(possible(offersFor(claimed, ilze, null))).toEqual([
      'release',
      'note',
      'contact',
      'escalate',
    ]);
  });

  it('holds moves back while one is waiting to be sent, and refuses roles that do not handle alerts', () => {
    const offers = offersFor(base, anna, 'claim');
    expect(possible(offers)).toEqual(['note', 'contact', 'escalate']);
    expect(offers[0]!.refusal).toBe('a claim is still waiting to be sent');
    expect(possible(offersFor(base, { id: 'technician1', roles: ['technician'] }, null))).toEqual(
      [],
    );
    expect(possible(offersFor(base, null, null))).toEqual([]);
  });
});
