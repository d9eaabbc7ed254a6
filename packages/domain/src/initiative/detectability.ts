import type { KpiAggregate } from '../metrics/kpi-aggregate.ts';
import { changeUnit } from '../metrics/kpi-change.ts';
import type { KpiKind } from '../kpi/kpi.schema.ts';
import { ACID_TEST_WINDOW_DAYS } from './acid-test.ts';
import { DAYS_PER_MONTH, minimumDetectableEffect, perResponseVariance } from './counterfactual/detectable-effect.ts';
import type { Detectability } from './initiative.schema.ts';
import { rolloutHasComparison, type RolloutPlan } from './rollout-plan.ts';

const DESIGN_WORDS: Record<Detectability['design'], string> = {
  difference_in_differences: 'against the customers the rollout leaves for comparison',
  interrupted_time_series: 'against the KPI’s own trend and season',
  before_after: 'before against after',
};

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * Whether the uplift promised on a KPI could be seen at all, at the KPI's current volume over the
 * acid test's window: the minimum detectable effect (80% power, two-sided 5%) of the design the
 * rollout plan allows, and a warning when the expected uplift is smaller. `recent` is the KPI's
 * summed figures over `recentDays` (the latest three months), which give its volume and spread.
 */
export function detectability(input: {
  kpi: { id: string; name: string; kind: KpiKind; unit: string };
  recent: KpiAggregate;
  recentDays: number;
  /** Weeks of history the KPI has: the time series decides only with a year of it, to allow for the season. */
  historyWeeks: number;
  rollout: RolloutPlan;
  expectedUplift: number | null;
}): Detectability {
  const { kpi, recent, rollout, expectedUplift } = input;
  const design: Detectability['design'] = rolloutHasComparison(rollout)
    ? 'difference_in_differences'
    : input.historyWeeks >= 52
      ? 'interrupted_time_series'
      : 'before_after';
  const perMonth = recent.n === 0 ? 0 : (recent.n * DAYS_PER_MONTH) / input.recentDays;
  const variance = recent.n < 2 ? null : perResponseVariance(kpi.kind, recent);
  const mde =
    variance === null || perMonth === 0 ? null : minimumDetectableEffect({ variance, perMonth, windowDays: ACID_TEST_WINDOW_DAYS, design });
  const unit = changeUnit(kpi.kind, kpi.unit);
  const belowDetectable = mde !== null && expectedUplift !== null && Math.abs(expectedUplift) < mde;
  let sentence: string;
  if (recent.n === 0) sentence = `${kpi.name} has had no data in the last three months, so no effect on it could be detected yet.`;
  else if (mde === null) sentence = `${kpi.name} is a kind of KPI with no test of change, so no minimum detectable effect can be given.`;
  else {
    sentence =
      `With ~${whole.format(perMonth)} ${kpi.kind === 'rate' || kpi.kind === 'ratio' ? 'events' : 'answers'} a month, ${kpi.name} must move ` +
      `≥ ${oneDecimal.format(mde)} ${unit} to be detectable in ${ACID_TEST_WINDOW_DAYS} days at 80% power (${DESIGN_WORDS[design]}).`;
    if (belowDetectable)
      sentence += ` The expected uplift of ${oneDecimal.format(Math.abs(expectedUplift))} ${unit} is below that: even if it works, the acid test will most likely say "no measurable movement".`;
  }
  return {
    kpiId: kpi.id,
    design,
    perMonth: Math.round(perMonth * 10) / 10,
    windowDays: ACID_TEST_WINDOW_DAYS,
    minimumDetectable: mde === null ? null : Math.round(mde * 100) / 100,
    belowDetectable,
    sentence,
  };
}
