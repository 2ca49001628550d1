import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAction, refusal } from '../../../shared/central/alert-workflow';
import { alertActionKinds, type Alert } from '../../../shared/central/records';
import { alert } from '../../fixtures/central-records';

/**
 * The alert state machine read from the contract itself (../shared/specs/central-api.md), not
 * from our own code: the console's offers and the simulator's 409s both come from
 * shared/central/alert-workflow.ts, so one misreading there would pass every other test.
 */
const SPEC = join(process.cwd(), '..', 'shared', 'specs', 'central-api.md');
const text = readFileSync(SPEC, 'utf8');
const block = /Alert state machine[\s\S]*?```\n([\s\S]*?)```/.exec(text)?.[1] ?? '';

/** `a --kind--> b` arrows, chained on one line as the spec writes them. */
function arrows(): Map<string, string> {
  const moves = new Map<string, string>();
  for (const line of block.split('\n')) {
    const chain = line.replace(/\s{2,}note\/.*$/, '');
    // Chains continue from the last target: "open --claim--> claimed --acknowledge--> …".
    const steps = [...chain.matchAll(/--(\w+)--> (\w+)/g)];
    let from = /^\s*(\w+)/.exec(chain)?.[1];
    for (const step of steps) {
      if (from) moves.set(`${from}|${step[1]}`, step[2]!);
      from = step[2];
    }
  }
  return moves;
}
const annotations = /(note\/contact\/escalate): allowed in ([\w, ]+)/.exec(block);
const anytime = annotations?.[1]?.split('/') ?? [];
const anytimeStates = annotations?.[2]?.split(/,\s*/) ?? [];
const OWNER_RULE =
  "Only the claiming operator may acknowledge, release or resolve a claimed or\nacknowledged alert; a supervisor may release anyone's claim.";

const states: Alert['state'][] = ['open', 'claimed', 'acknowledged', 'resolved'];
const claimant = { id: 'referent1', roles: ['referent' as const] };
const other = { id: 'referent2', roles: ['referent' as const] };
const supervisor = { id: 'supervisor1', roles: ['referent' as const, 'supervisor' as const] };

describe('the alert state machine, as central-api.md states it', () => {
  const moves = arrows();

  it('is found in the spec', () => {
    expect(moves.size).toBe(4);
    expect(anytime).toEqual(['note', 'contact', 'escalate']);
    expect(text).toContain(OWNER_RULE);
  });

  for (const state of states)
    for (const kind of alertActionKinds)
      for (const [who, operator] of Object.entries({ claimant, other, supervisor })) {
        const claimedBy = state === 'open' || state === 'resolved' ? null : claimant.id;
        const subject = alert({ state, claimedBy });
        const to = moves.get(`${state}|${kind}`);
        const ownerOnly = ['acknowledge', 'release', 'resolve'].includes(kind);
        const mayBySpec = anytime.includes(kind)
          ? anytimeStates.includes(state)
          : to !== undefined &&
            (!ownerOnly ||
              who === 'claimant' ||
              (kind === 'release' && (operator.roles as readonly string[]).includes('supervisor')));
        it(`${kind} on a ${state} alert by the ${who}: ${mayBySpec ? `allowed${to ? ` → ${to}` : ''}` : 'refused'}`, () => {
          expect(refusal(subject, kind, operator) === null).toBe(mayBySpec);
          if (mayBySpec && to)
            expect(
              applyAction(subject, kind, operator.id, subject.raisedAt, { code: 'other' }).state,
            ).toBe(to);
        });
      }
});
