import type { KpiResults } from '@throughline/domain';

type SeriesPoint = KpiResults['series'][number];

export interface SeriesRow {
  label: string;
  /** Complete periods' values: the solid line. */
  value: number | null;
  /** The running period's value: a point of its own, not joined to the line. */
  partial: number | null;
  /** The running period's interval as distances below and above its value, for its whisker. */
  partialError: [number, number] | null;
  point: SeriesPoint;
}

/**
 * A series split for drawing: complete periods as one line, and the period still running as a
 * point apart with its (wide) interval, so a partial month never reads as a cliff in the line.
 */
export function seriesRows(series: readonly SeriesPoint[]): SeriesRow[] {
  return series.map((p) => ({
    // The axis keeps the period's own label; the point itself says "to date".
    label: p.label,
    value: p.complete ? p.value : null,
    partial: p.complete ? null : p.value,
    partialError: !p.complete && p.ciLow !== null && p.ciHigh !== null ? [p.value - p.ciLow, p.ciHigh - p.value] : null,
    point: p,
  }));
}
