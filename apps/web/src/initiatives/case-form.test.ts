import type { Initiative } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { caseFormOf, caseInputOf } from './case-form.ts';

const initiative = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Photo triage for escape-of-water claims',
  journeyId: '00000000-0000-4000-8000-000000000002',
  teamId: '00000000-0000-4000-8000-000000000003',
  problem: '',
  hypothesis: '',
  failurePointIds: [],
  outcomeIds: [],
  oneOffBusiness: 0,
  oneOffTechnology: 0,
  runningBusiness: 0,
  runningTechnology: 0,
  itEffortDays: 0,
  systemIds: [],
  kpiId: null,
  expectedUplift: null,
  upliftConfidence: 'medium',
  valuePerPointOverride: null,
  peopleToTrain: 0,
  peopleTrained: 0,
  usageMeasure: '',
  usageValue: null,
  rollout: { mode: 'all_at_once', dimension: null, waves: [], holdout: [], comparison: null },
  deliveryStartOn: null,
  implementedOn: null,
  changeSummary: '',
  changeProposalId: '00000000-0000-4000-8000-000000000009',
  spentBusiness: 0,
  spentTechnology: 0,
  stage: 'idea',
  version: 3,
} as unknown as Initiative;

describe('the case editor’s form', () => {
  it('round-trips an initiative unchanged, keeping fields it does not edit', () => {
    const { input, issues } = caseInputOf(initiative, caseFormOf(initiative));
    expect(issues).toEqual([]);
    expect(input.changeProposalId).toBe('00000000-0000-4000-8000-000000000009');
    expect(input.expectedUplift).toBeNull();
    expect(input.rollout).toEqual(initiative.rollout);
    expect(input).not.toHaveProperty('version');
  });

  it('shows amounts grouped as people write them', () => {
    const form = caseFormOf({ ...initiative, oneOffTechnology: 1_250_000.5 });
    expect(form.oneOffTechnology).toBe('1,250,000.5');
    expect(caseInputOf(initiative, form).input.oneOffTechnology).toBe(1_250_000.5);
  });

  it('reads amounts as people type them and blanks as nothing', () => {
    const form = {
      ...caseFormOf(initiative),
      oneOffBusiness: '£120,000',
      runningTechnology: '',
      expectedUplift: '2.5',
      kpiId: '',
      implementedOn: '',
    };
    const { input, issues } = caseInputOf(initiative, form);
    expect(issues).toEqual([]);
    expect(input.oneOffBusiness).toBe(120_000);
    expect(input.runningTechnology).toBe(0);
    expect(input.expectedUplift).toBe(2.5);
    expect(input.kpiId).toBeNull();
    expect(input.implementedOn).toBeNull();
  });

  it('names the field of anything that is not a number', () => {
    const form = { ...caseFormOf(initiative), oneOffTechnology: 'lots', peopleToTrain: '12.5', expectedUplift: 'two' };
    const { issues } = caseInputOf(initiative, form);
    expect(issues.map((i) => i.path)).toEqual(['oneOffTechnology', 'expectedUplift', 'peopleToTrain']);
  });
});
