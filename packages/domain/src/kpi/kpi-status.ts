import type { KpiDefinition, KpiKind } from './kpi.schema.ts';

/**
 * Where a KPI stands against what it is held to, the one judgement every view, export, outcome
 * and alert uses. `past_threshold` is the warning state; `short_of_target` lies between target
 * and threshold; `too_few` is below the KPI's minimum sample, where no claim is made.
 */
export const KPI_STATUSES = ['on_target', 'short_of_target', 'past_threshold', 'no_target', 'too_few', 'no_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export type KpiGoal = Pick<KpiDefinition, 'direction' | 'target' | 'threshold' | 'minSample' | 'kind'>;

/**
 * Counts and sums are the whole population of their events, not a sample of answers, so a
 * minimum sample does not apply to them.
 */
export function isSampled(kind: KpiKind): boolean {
  return kind !== 'count' && kind !== 'sum';
}

/** Below the KPI's minimum sample (n = 0 included): shown, with its interval and n, but no claim made. */
export function belowMinimum(kpi: Pick<KpiGoal, 'kind' | 'minSample'>, n: number): boolean {
  return n === 0 || (isSampled(kpi.kind) && n < kpi.minSample);
}

/** `a` is as good as `b` or better for a KPI going in `direction`. */
export function atLeastAsGood(direction: KpiDefinition['direction'], a: number, b: number): boolean {
  return direction === 'higher_is_better' ? a >= b : a <= b;
}

export function kpiStatus(kpi: KpiGoal, result: { value: number; n: number } | null): KpiStatus {
  if (!result) return 'no_data';
  if (belowMinimum(kpi, result.n)) return 'too_few';
  // Reaching the threshold itself is not yet past it: the warning is for beyond that value.
  if (kpi.threshold !== null && !atLeastAsGood(kpi.direction, result.value, kpi.threshold)) return 'past_threshold';
  if (kpi.target === null) return 'no_target';
  return atLeastAsGood(kpi.direction, result.value, kpi.target) ? 'on_target' : 'short_of_target';
}

/** Whether a status is a judgement against target that counts (on or off it). */
export function isJudged(status: KpiStatus): boolean {
  return status === 'on_target' || status === 'short_of_target' || status === 'past_threshold';
}

/** What the KPI counts, for "too few answers". */
export function sampleNoun(kpi: { source: KpiDefinition['source'] }): string {
  return kpi.source.stream === 'survey' ? 'answers' : 'events';
}

/**
 * The status in words that say which side is bad ("Below target" when higher is better,
 * "Above target" when lower is), the same in the app, the CSV and the PDF.
 */
export function kpiStatusLabel(status: KpiStatus, kpi: Pick<KpiDefinition, 'direction' | 'minSample' | 'source'>, n = 0): string {
  const worse = kpi.direction === 'higher_is_better' ? 'Below' : 'Above';
  switch (status) {
    case 'on_target':
      return 'On target';
    case 'short_of_target':
      return `${worse} target`;
    case 'past_threshold':
      return `${worse} warning threshold`;
    case 'no_target':
      return 'No target set';
    case 'too_few':
      return `Too few ${sampleNoun(kpi)}: n = ${n.toLocaleString('en-GB')} of ${kpi.minSample.toLocaleString('en-GB')}`;
    case 'no_data':
      return 'No data yet';
  }
}
