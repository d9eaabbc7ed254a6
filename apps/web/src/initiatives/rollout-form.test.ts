import { ZRolloutPlan, type RolloutPlan } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { addWave, parseGroups, removeWave, rolloutDraftOf, rolloutFieldLabel, rolloutPlanOf, setMode } from './rollout-form.ts';

const STEP_A = '00000000-0000-4000-8000-00000000000a';
const STEP_B = '00000000-0000-4000-8000-00000000000b';
const JOURNEY = '00000000-0000-4000-8000-0000000000c1';

const allAtOnce: RolloutPlan = { mode: 'all_at_once', dimension: null, waves: [], holdout: [], comparison: null };
const bySegment: RolloutPlan = {
  mode: 'waves',
  dimension: 'segment',
  waves: [
    { scopes: ['Homeowner', 'Landlord'], startsOn: '2026-03-02' },
    { scopes: ['Tenant (contents only)'], startsOn: '2026-05-04' },
  ],
  holdout: ['First-time buyer'],
  comparison: null,
};

describe('the rollout plan in the case editor', () => {
  it('round-trips plans by named groups and by steps, with a comparison journey', () => {
    expect(rolloutPlanOf(rolloutDraftOf(allAtOnce))).toEqual({ plan: allAtOnce, issues: [] });
    expect(rolloutPlanOf(rolloutDraftOf(bySegment))).toEqual({ plan: bySegment, issues: [] });
    const bySteps: RolloutPlan = {
      mode: 'waves',
      dimension: 'step',
      waves: [{ scopes: [STEP_A], startsOn: '2026-03-02' }],
      holdout: [STEP_B],
      comparison: { journeyId: JOURNEY, stepId: null },
    };
    const draft = rolloutDraftOf(bySteps);
    expect(draft.waves[0]!.stepIds).toEqual([STEP_A]);
    expect(draft.waves[0]!.groupsText).toBe('');
    expect(rolloutPlanOf(draft).plan).toEqual(bySteps);
  });

  it('reads typed groups as a list, blanks and repeats dropped', () => {
    expect(parseGroups(' Homeowner,, Landlord ,Homeowner ')).toEqual(['Homeowner', 'Landlord']);
    expect(parseGroups('  ')).toEqual([]);
  });

  it('starts waves with one wave on the implementation date, and sends none when all at once', () => {
    const waves = setMode(rolloutDraftOf(allAtOnce), 'waves', '2026-03-02');
    expect(waves.waves).toEqual([{ key: 1, groupsText: '', stepIds: [], startsOn: '2026-03-02' }]);
    const second = addWave({ ...waves, waves: [{ ...waves.waves[0]!, startsOn: '2026-04-06' }] }, '2026-03-02');
    expect(second.waves.map((w) => [w.key, w.startsOn])).toEqual([
      [1, '2026-04-06'],
      [2, '2026-04-06'],
    ]);
    expect(removeWave(second, 1).waves.map((w) => w.key)).toEqual([2]);
    // Back to all at once: the waves stay in the draft but are not sent, so the schema has nothing hidden to refuse.
    const back = setMode(second, 'all_at_once', '2026-03-02');
    expect(back.waves).toHaveLength(2);
    expect(rolloutPlanOf(back).plan.waves).toEqual([]);
  });

  it('keeps typed groups and ticked steps apart, sending the ones the dimension takes', () => {
    const draft = { ...rolloutDraftOf(bySegment), dimension: 'step' as const };
    expect(rolloutPlanOf(draft).plan.waves.map((w) => w.scopes)).toEqual([[], []]);
    expect(rolloutPlanOf({ ...draft, dimension: 'channel' }).plan.waves[0]!.scopes).toEqual(['Homeowner', 'Landlord']);
  });

  it('faults a wave with no date, and leaves the rest to the domain schema, whose paths it names', () => {
    const draft = rolloutDraftOf(bySegment);
    const { plan, issues } = rolloutPlanOf({ ...draft, waves: [draft.waves[0]!, { ...draft.waves[1]!, startsOn: '' }] });
    expect(issues).toEqual([{ path: 'rollout.waves.1.startsOn', message: 'is required: the day this wave goes live' }]);
    const twice = { ...bySegment, waves: [bySegment.waves[0]!, { scopes: ['Landlord'], startsOn: '2026-02-02' }] };
    const refused = ZRolloutPlan.safeParse(twice);
    expect(refused.success).toBe(false);
    const paths = refused.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['waves.1.scopes.0', 'waves.1.startsOn']);
    expect(plan.waves).toHaveLength(2);
  });

  it('labels each rollout field for the issues beside it', () => {
    expect(rolloutFieldLabel('rollout.waves.1.scopes.0')).toBe('Wave 2 groups');
    expect(rolloutFieldLabel('rollout.waves.0.startsOn')).toBe('Wave 1 starts on');
    expect(rolloutFieldLabel('rollout.holdout.2')).toBe('Held out');
    expect(rolloutFieldLabel('rollout.comparison.journeyId')).toBe('Comparison journey');
    expect(rolloutFieldLabel('rollout.dimension')).toBe('Rollout by');
    expect(rolloutFieldLabel('kpiId')).toBeNull();
  });
});
