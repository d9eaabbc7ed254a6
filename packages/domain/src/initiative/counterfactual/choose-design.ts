import type { Change } from '../../metrics/change.ts';
import type { Movement } from '../acid-test.ts';
import type { DesignChoice, DidEstimate, Estimate, Insufficient, ItsEstimate } from './counterfactual.schema.ts';
import { asClause, listed } from './wording.ts';

const isEstimate = <T extends Estimate>(x: T | Insufficient | null): x is T => x !== null && !('insufficient' in x);

/** What the naive before/after assumes, in the same plain words the other designs use. */
export const BEFORE_AFTER_EXPLANATION =
  'How far the KPI moved between the weeks before the change and the weeks after, assuming nothing but the change differed ' +
  'between them, so that the season or anything else that happened meanwhile counts as the change.';

/**
 * The naive before/after as an estimate the designs can be weighed against: the acid test's
 * change (after − before, its interval and p-value) with the design's assumption spelled out.
 * Null when the change was not tested (too few answers, or a kind with no test).
 */
export function beforeAfterEstimate(change: Change, weeksBefore: number, weeksAfter: number): Estimate | null {
  if (!change.tested || change.ciLow === null || change.ciHigh === null || change.pValue === null) return null;
  return {
    design: 'before_after',
    effect: change.difference,
    low: change.ciLow,
    high: change.ciHigh,
    pValue: change.pValue,
    weeksBefore,
    weeksAfter,
    explanation: BEFORE_AFTER_EXPLANATION,
  };
}

const points = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(1));

/**
 * Which design decides, strongest first as PRODUCT.md orders them, with the reason in plain
 * words: difference in differences when there is one and the groups moved in parallel before
 * the change; else the interrupted time series when it has the year of history it needs to allow
 * for the season, saying why the comparison was not used; else the naive before/after, saying
 * what it cannot rule out (a time series without the season decides only when there is no
 * before/after at all). `decided` is null when not even the
 * naive comparison could be made.
 */
export function chooseDesign(
  did: DidEstimate | Insufficient | null,
  its: ItsEstimate | Insufficient,
  naive: Estimate | null,
): DesignChoice {
  const labels = isEstimate(did) ? [...new Set(did.waves.flatMap((w) => w.comparisonLabels))] : [];
  const comparison = listed(labels);
  if (isEstimate(did) && did.preTrend.parallel) {
    const waves = did.waves.length > 1 ? ` over ${did.waves.length} rollout waves` : '';
    return {
      design: 'difference_in_differences',
      reason:
        `Difference in differences against the not-yet-reached ${comparison}${waves}: it controls for the season and anything else ` +
        'that hit both groups, and the two moved in parallel before the change.',
      decided: did,
    };
  }
  const whyNotDid =
    did === null
      ? 'the rollout had no comparison group (no holdout, later wave, or comparison journey or step)'
      : isEstimate(did)
        ? `the ${comparison} ${labels.length > 1 ? 'were' : 'was'} already drifting apart from the changed customers before the change ` +
          `(by ${points(did.preTrend.slope)} points a week, p = ${did.preTrend.pValue.toFixed(3)}), so comparing with it would mislead`
        : `the comparison could not be made: ${asClause(did.insufficient)}`;
  // A time series decides only when it can allow for the season: projected from less than a
  // year, a straight trend carries a seasonal recovery (or slide) on past the change and calls
  // the season's turn an effect — in either direction — more confidently than before vs after.
  if (isEstimate(its) && (its.seasonality === 'month_of_year' || !naive)) {
    const season =
      its.seasonality === 'month_of_year'
        ? `it projects the KPI's trend and its month-by-month pattern from ${its.weeksBefore} weeks of history`
        : `it projects the KPI's trend from ${its.weeksBefore} weeks of history, which is less than a year, so it cannot allow for the season`;
    return {
      design: 'interrupted_time_series',
      reason: `Interrupted time series, because ${whyNotDid}: ${season}.`,
      decided: its,
    };
  }
  const whyNotIts = isEstimate(its)
    ? `the time series has only ${its.weeksBefore} weeks of history, less than a year, so it cannot allow for the season (its trend projection is shown for reference)`
    : `the time series is too short (${asClause(its.insufficient)})`;
  if (naive) {
    return {
      design: 'before_after',
      reason:
        `Only the naive before vs after, because ${whyNotDid}, and ${whyNotIts}: it cannot tell the change from the season or ` +
        'anything else that happened at the same time.',
      decided: naive,
    };
  }
  return {
    design: 'before_after',
    reason: `No design could be used: ${whyNotDid}, ${whyNotIts}, and there are too few answers for even a before vs after.`,
    decided: null,
  };
}

/**
 * The verdict from the deciding estimate: improved or worsened only when its 95% interval leaves
 * out 0 (and p < 0.05) in that direction; an interval that covers 0 is no measurable movement;
 * no estimate at all is insufficient data.
 */
export function estimateMovement(decided: Estimate | null, direction: 'higher_is_better' | 'lower_is_better'): Movement {
  if (!decided) return 'insufficient_data';
  const clear = decided.pValue < 0.05 && (decided.low > 0 || decided.high < 0);
  if (!clear) return 'no_measurable_movement';
  const better = direction === 'higher_is_better' ? decided.effect > 0 : decided.effect < 0;
  return better ? 'improved' : 'worsened';
}
