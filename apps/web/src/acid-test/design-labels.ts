import type { Design } from '@throughline/domain';

const LABEL: Record<Design, string> = {
  difference_in_differences: 'Difference in differences',
  interrupted_time_series: 'Interrupted time series',
  before_after: 'Before vs after',
};

/** "Difference in differences". */
export function designLabel(design: Design): string {
  return LABEL[design];
}
