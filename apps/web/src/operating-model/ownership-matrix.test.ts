import type { RemitView } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { ownershipMatrix } from './ownership-matrix.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLAIMS = { id: id(1), name: 'Claims' };
const CONTACT = { id: id(2), name: 'Contact' };
const PRICING = { id: id(3), name: 'Pricing' };
const CLAIM = { id: id(10), name: 'Make a claim' };
const RENEW = { id: id(11), name: 'Renew' };
const [STEP_A, STEP_B] = [id(20), id(21)];

const remit = (
  journey: { id: string; name: string },
  team: { id: string; name: string },
  role: RemitView['role'],
  stepIds: string[] = [],
): RemitView => ({
  id: `${journey.id.slice(0, -4)}${team.id.slice(-4)}`,
  journeyId: journey.id,
  journeyName: journey.name,
  teamId: team.id,
  teamName: team.name,
  role,
  stepIds,
});

describe('the ownership matrix', () => {
  it('has a cell per team for each journey, with the accountable remit and gaps', () => {
    const rows = ownershipMatrix(
      [CLAIM, RENEW],
      [CLAIMS, CONTACT],
      [remit(CLAIM, CLAIMS, 'accountable'), remit(CLAIM, CONTACT, 'contributing', [STEP_A])],
    );
    expect(rows.map((r) => [r.journey.name, r.accountable?.teamName ?? null])).toEqual([
      ['Make a claim', 'Claims'],
      ['Renew', null],
    ]);
    expect(rows[0]!.cells.map((c) => c.remit?.role ?? null)).toEqual(['accountable', 'contributing']);
    expect(rows[1]!.cells.every((c) => c.remit === null)).toBe(true);
  });

  it('marks a step two contributors claim as an overlap on both their cells', () => {
    const rows = ownershipMatrix(
      [CLAIM],
      [CLAIMS, CONTACT, PRICING],
      [
        remit(CLAIM, CLAIMS, 'accountable'),
        remit(CLAIM, CONTACT, 'contributing', [STEP_A, STEP_B]),
        remit(CLAIM, PRICING, 'contributing', [STEP_B]),
      ],
    );
    expect(rows[0]!.overlapStepIds).toEqual([STEP_B]);
    expect(rows[0]!.cells.map((c) => c.overlapStepIds)).toEqual([[], [STEP_B], [STEP_B]]);
  });

  it('does not count a whole-journey contributor as overlapping anyone', () => {
    const rows = ownershipMatrix(
      [CLAIM],
      [CONTACT, PRICING],
      [remit(CLAIM, CONTACT, 'contributing', [STEP_A]), remit(CLAIM, PRICING, 'contributing')],
    );
    expect(rows[0]!.overlapStepIds).toEqual([]);
  });
});
