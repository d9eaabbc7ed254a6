import type { AcidTestKpi, Design, KpiKind } from '@throughline/domain';
import { designLabel } from './design-labels.ts';
import { formatDifference, formatDifferenceInterval, formatPValue } from './movement-format.ts';

/** One design's line in the table of estimates: its figures, or why it could not run. */
export interface EstimateRow {
  design: Design;
  label: string;
  /** This design's estimate is the one the verdict is judged on. */
  decides: boolean;
  estimate: { effect: string; interval: string; p: string | null } | null;
  /** What it estimates in plain words when it ran; why it could not, when it did not. */
  explanation: string;
}

interface Unit {
  kind: KpiKind;
  unit: string;
}

const figures = (unit: Unit, e: { effect: number; low: number; high: number; pValue: number | null }) => ({
  effect: formatDifference(unit.kind, unit.unit, e.effect),
  interval: formatDifferenceInterval(unit.kind, e.low, e.high),
  p: e.pValue === null ? null : formatPValue(e.pValue),
});

/** The three designs, strongest first, as the acid test's table shows them. */
export function estimateRows(k: AcidTestKpi, unit: Unit): EstimateRow[] {
  const did = k.differenceInDifferences;
  const its = k.interruptedTimeSeries;
  const naive =
    k.difference !== null && k.differenceLow !== null && k.differenceHigh !== null
      ? { effect: k.difference, low: k.differenceLow, high: k.differenceHigh, pValue: k.pValue }
      : null;
  return [
    {
      design: 'difference_in_differences',
      label: designLabel('difference_in_differences'),
      decides: k.design === 'difference_in_differences',
      estimate: did ? figures(unit, did) : null,
      explanation: did ? did.explanation : (k.differenceInDifferencesMissing ?? 'Not available.'),
    },
    {
      design: 'interrupted_time_series',
      label: designLabel('interrupted_time_series'),
      decides: k.design === 'interrupted_time_series',
      estimate: its ? figures(unit, its) : null,
      explanation: its ? its.explanation : (k.interruptedTimeSeriesMissing ?? 'Not available.'),
    },
    {
      design: 'before_after',
      label: designLabel('before_after'),
      decides: k.design === 'before_after',
      estimate: naive ? figures(unit, naive) : null,
      explanation: naive ? k.beforeAfterExplanation : k.sentence,
    },
  ];
}

/** The deciding design's estimate in one line, for the overview: "+4.1 points (95% CI +1.0 to +7.2)". */
export function decidingEffectText(k: AcidTestKpi, unit: Unit): string {
  if (k.effect === null) return k.movement === 'insufficient_data' ? 'Not estimated: too little data' : 'Not estimated';
  const interval =
    k.effectLow !== null && k.effectHigh !== null ? ` (95% CI ${formatDifferenceInterval(unit.kind, k.effectLow, k.effectHigh)})` : '';
  return `${formatDifference(unit.kind, unit.unit, k.effect)}${interval}`;
}
