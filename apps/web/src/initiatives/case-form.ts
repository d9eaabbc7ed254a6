import { ZInitiativeInput, type Confidence, type Initiative, type InitiativeInput } from '@throughline/domain';
import type { FieldIssue } from '../common/field-issues.ts';
import { parseCost } from '../common/cost-input.ts';
import { parseOptionalNumber } from '../common/number-field.tsx';
import { rolloutDraftOf, rolloutPlanOf, type RolloutDraft } from './rollout-form.ts';

/** The case as the editor holds it: numbers as typed, so "12,500" and a blank both survive editing. */
export interface CaseForm {
  title: string;
  journeyId: string;
  teamId: string;
  problem: string;
  hypothesis: string;
  failurePointIds: string[];
  outcomeIds: string[];
  oneOffBusiness: string;
  oneOffTechnology: string;
  runningBusiness: string;
  runningTechnology: string;
  itEffortDays: string;
  systemIds: string[];
  kpiId: string;
  expectedUplift: string;
  upliftConfidence: Confidence;
  valuePerPointOverride: string;
  peopleToTrain: string;
  peopleTrained: string;
  usageMeasure: string;
  usageValue: string;
  rollout: RolloutDraft;
  deliveryStartOn: string;
  implementedOn: string;
  changeSummary: string;
  spentBusiness: string;
  spentTechnology: string;
}

type MoneyField = 'oneOffBusiness' | 'oneOffTechnology' | 'runningBusiness' | 'runningTechnology' | 'spentBusiness' | 'spentTechnology';
type CountField = 'peopleToTrain' | 'peopleTrained' | 'itEffortDays';

const typed = (n: number | null): string => (n === null ? '' : String(n));
const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** Amounts as people write them, "90,000"; parseCost reads the commas back. */
const money = (n: number): string => grouped.format(n);

export function caseFormOf(i: Initiative): CaseForm {
  return {
    title: i.title,
    journeyId: i.journeyId,
    teamId: i.teamId,
    problem: i.problem,
    hypothesis: i.hypothesis,
    failurePointIds: [...i.failurePointIds],
    outcomeIds: [...i.outcomeIds],
    oneOffBusiness: money(i.oneOffBusiness),
    oneOffTechnology: money(i.oneOffTechnology),
    runningBusiness: money(i.runningBusiness),
    runningTechnology: money(i.runningTechnology),
    itEffortDays: typed(i.itEffortDays),
    systemIds: [...i.systemIds],
    kpiId: i.kpiId ?? '',
    expectedUplift: typed(i.expectedUplift),
    upliftConfidence: i.upliftConfidence,
    valuePerPointOverride: typed(i.valuePerPointOverride),
    peopleToTrain: typed(i.peopleToTrain),
    peopleTrained: typed(i.peopleTrained),
    usageMeasure: i.usageMeasure,
    usageValue: typed(i.usageValue),
    rollout: rolloutDraftOf(i.rollout),
    deliveryStartOn: i.deliveryStartOn ?? '',
    implementedOn: i.implementedOn ?? '',
    changeSummary: i.changeSummary,
    spentBusiness: money(i.spentBusiness),
    spentTechnology: money(i.spentTechnology),
  };
}

/** Every field of an initiative's input, taken from what the API returned. */
function inputOf(i: Initiative): InitiativeInput {
  const keys = Object.keys(ZInitiativeInput.shape) as (keyof InitiativeInput)[];
  return Object.fromEntries(keys.map((k) => [k, i[k]])) as InitiativeInput;
}

/**
 * The whole input for initiative.update: the edited case over everything else the initiative
 * holds (an update replaces every field). Amounts that are not numbers come back as issues by
 * path, in the API's own shape, so they show where the server's would.
 */
export function caseInputOf(i: Initiative, form: CaseForm): { input: InitiativeInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (path: MoneyField): number => {
    const text = form[path].trim();
    if (text === '') return 0;
    const value = parseCost(text);
    if (value === null) issues.push({ path, message: 'must be an amount in pounds, e.g. 12,500' });
    return value ?? 0;
  };
  const count = (path: CountField): number => {
    const value = parseOptionalNumber(form[path]);
    if (value === undefined || (value !== null && (value < 0 || (path !== 'itEffortDays' && !Number.isInteger(value))))) {
      issues.push({ path, message: path === 'itEffortDays' ? 'must be a number of days, e.g. 40' : 'must be a whole number, e.g. 120' });
      return 0;
    }
    return value ?? 0;
  };
  const optional = (path: 'expectedUplift' | 'valuePerPointOverride' | 'usageValue'): number | null => {
    const value = parseOptionalNumber(form[path].replace(/£/g, ''));
    if (value === undefined) {
      issues.push({ path, message: 'must be a number, or left blank' });
      return null;
    }
    return value;
  };

  const rollout = rolloutPlanOf(form.rollout);
  issues.push(...rollout.issues);

  const input: InitiativeInput = {
    ...inputOf(i),
    title: form.title,
    journeyId: form.journeyId,
    teamId: form.teamId,
    problem: form.problem,
    hypothesis: form.hypothesis,
    failurePointIds: form.failurePointIds,
    outcomeIds: form.outcomeIds,
    oneOffBusiness: amount('oneOffBusiness'),
    oneOffTechnology: amount('oneOffTechnology'),
    runningBusiness: amount('runningBusiness'),
    runningTechnology: amount('runningTechnology'),
    itEffortDays: count('itEffortDays'),
    systemIds: form.systemIds,
    kpiId: form.kpiId || null,
    expectedUplift: optional('expectedUplift'),
    upliftConfidence: form.upliftConfidence,
    valuePerPointOverride: optional('valuePerPointOverride'),
    peopleToTrain: count('peopleToTrain'),
    peopleTrained: count('peopleTrained'),
    usageMeasure: form.usageMeasure,
    usageValue: optional('usageValue'),
    rollout: rollout.plan,
    deliveryStartOn: form.deliveryStartOn || null,
    implementedOn: form.implementedOn || null,
    changeSummary: form.changeSummary,
    spentBusiness: amount('spentBusiness'),
    spentTechnology: amount('spentTechnology'),
  };
  return { input, issues };
}
