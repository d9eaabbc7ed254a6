import type { Design } from '@throughline/domain';

const LABEL: Record<Design, string> = {
  difference_in_differences: 'Difference in differences',
  interrupted_time_series: 'Interrupted time series',
  before_after: 'Before vs after',
};

/** What each design compares the KPI with, in a phrase: what it would estimate even when it cannot run. */
const COMPARES_WITH: Record<Design, string> = {
  difference_in_differences: 'customers the change had not reached yet, over the same weeks',
  interrupted_time_series: 'where the KPI’s own trend and season would have taken it',
  before_after: 'the 90 days before the change, with nothing allowed for the season',
};

/** "Difference in differences". */
export function designLabel(design: Design): string {
  return LABEL[design];
}

/** "customers the change had not reached yet, over the same weeks". */
export function designComparesWith(design: Design): string {
  return COMPARES_WITH[design];
}
