import { describe, expect, it } from 'vitest';
import { ALL_AT_ONCE, describeRollout, rolloutHasComparison, ZRolloutPlan } from './rollout-plan.ts';

const paths = (input: unknown) => {
  const result = ZRolloutPlan.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

const staged = {
  mode: 'waves',
  dimension: 'segment',
  waves: [
    { scopes: ['Retail'], startsOn: '2026-06-01' },
    { scopes: ['Business'], startsOn: '2026-07-01' },
  ],
  holdout: ['Landlord'],
  comparison: null,
};

describe('rollout plans', () => {
  it('takes all at once by default, with nobody to compare with', () => {
    expect(ZRolloutPlan.parse({})).toEqual(ALL_AT_ONCE);
    expect(rolloutHasComparison(ALL_AT_ONCE)).toBe(false);
  });

  it('takes waves with a holdout, and finds a comparison in a later wave, a holdout or a comparison journey', () => {
    const plan = ZRolloutPlan.parse(staged);
    expect(rolloutHasComparison(plan)).toBe(true);
    expect(rolloutHasComparison({ ...plan, holdout: [], waves: plan.waves.slice(0, 1) })).toBe(false);
    expect(rolloutHasComparison({ ...plan, holdout: [] })).toBe(true);
    expect(rolloutHasComparison({ ...ALL_AT_ONCE, comparison: { journeyId: crypto.randomUUID(), stepId: null } })).toBe(true);
    expect(describeRollout(plan)).toBe(
      'In 2 waves by segment: Retail from 2026-06-01; Business from 2026-07-01; held out: Landlord (segment).',
    );
  });

  it('refuses what cannot be carried out, by field path', () => {
    expect(paths({ ...staged, dimension: null })).toEqual(['dimension']);
    expect(paths({ ...staged, holdout: ['Retail'] })).toEqual(['holdout.0']);
    expect(paths({ ...staged, waves: [staged.waves[0], { scopes: ['Retail', 'SME'], startsOn: '2026-07-01' }] })).toEqual([
      'waves.1.scopes.0',
    ]);
    expect(paths({ ...staged, waves: [...staged.waves].reverse() })).toEqual(['waves.1.startsOn']);
    expect(paths({ ...staged, mode: 'all_at_once' })).toEqual(['waves']);
    expect(paths({ ...staged, waves: [] })).toEqual(['waves']);
    expect(paths({ ...staged, dimension: 'step' })).toEqual(['waves.0.scopes.0', 'waves.1.scopes.0', 'holdout.0']);
    expect(paths({ ...staged, waves: [{ scopes: [], startsOn: '2026-06-01' }] })).toEqual(['waves.0.scopes']);
  });
});
