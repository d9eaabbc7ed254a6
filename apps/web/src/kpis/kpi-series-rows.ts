import type { KpiResults } from '@throughline/domain';

type SeriesPoint = KpiResults['series'][number];

export interface SeriesRow {
  label: string;
  /** Complete periods' values: the solid line. */
  value: number | null;
  /** The last complete period and the running one: the dashed stub to the hollow "to date" point. */
  partial: number | null;
  point: SeriesPoint;
}

/**
 * A series split for drawing: complete periods as one solid line, and the period still running
 * as a dashed stub from the last complete one, so a partial month never reads as a cliff.
 */
export function seriesRows(series: readonly SeriesPoint[]): SeriesRow[] {
  const lastComplete = series.findLastIndex((p) => p.complete);
  return series.map((p, i) => ({
    label: p.complete ? p.label : `${p.label} (to date)`,
    value: p.complete ? p.value : null,
    partial: !p.complete || (i === lastComplete && series.slice(i + 1).some((q) => !q.complete)) ? p.value : null,
    point: p,
  }));
}
