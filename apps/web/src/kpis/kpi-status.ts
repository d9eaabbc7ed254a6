import type { KpiDefinition } from '@throughline/domain';

/**
 * Where a value stands against what the KPI is held to. `past_threshold` is the warning state
 * (an alert is raised past the threshold); `short_of_target` is between target and threshold.
 */
export type KpiStanding = 'on_target' | 'short_of_target' | 'past_threshold' | 'no_target';

type Goal = Pick<KpiDefinition, 'direction' | 'target' | 'threshold'>;

/** `a` is better than or as good as `b` for this KPI's direction. */
function atLeastAsGood(direction: Goal['direction'], a: number, b: number): boolean {
  return direction === 'higher_is_better' ? a >= b : a <= b;
}

export function kpiStanding({ direction, target, threshold }: Goal, value: number): KpiStanding {
  // Reaching the threshold itself is not yet past it: the alert is raised beyond that value.
  if (threshold !== null && !atLeastAsGood(direction, value, threshold)) return 'past_threshold';
  if (target === null) return 'no_target';
  return atLeastAsGood(direction, value, target) ? 'on_target' : 'short_of_target';
}

/** The standing in words that say which side is bad: "Below target" for higher-is-better. */
export function standingLabel(standing: KpiStanding, direction: Goal['direction']): string {
  const worse = direction === 'higher_is_better' ? 'Below' : 'Above';
  switch (standing) {
    case 'on_target':
      return 'On target';
    case 'short_of_target':
      return `${worse} target`;
    case 'past_threshold':
      return `${worse} warning threshold`;
    case 'no_target':
      return 'No target set';
  }
}
