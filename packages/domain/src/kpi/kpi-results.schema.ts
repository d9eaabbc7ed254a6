import { z } from 'zod';
import { ZKpiValue } from '../metrics/kpi-value.schema.ts';
import { KPI_STATUSES } from './kpi-status.ts';

export const ZKpiStatus = z.enum(KPI_STATUSES);

/** One period's value of a KPI, for all segments ('') or one; `complete` once the period has ended. */
export const ZKpiPoint = ZKpiValue.extend({ periodStart: z.string(), segment: z.string() });
export type KpiPoint = z.infer<typeof ZKpiPoint>;
export const ZKpiSeriesPoint = ZKpiPoint.extend({ complete: z.boolean(), label: z.string() });

/** A movement between the headline window and the one before it, with its test and plain words. */
export const ZKpiChange = z.object({
  from: z.string(),
  to: z.string(),
  fromLabel: z.string(),
  toLabel: z.string(),
  difference: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** Null when no test was run (too few answers, or a kind without one). */
  pValue: z.number().nullable(),
  significant: z.boolean(),
  tested: z.boolean(),
  /** The test, in words ("Newcombe score interval"), beside the p-value; null for kinds without one. */
  method: z.string().nullable(),
  description: z.string(),
});
export type KpiChange = z.infer<typeof ZKpiChange>;

/** What a view leads with: a complete period by default, its value, and where it stands. */
export const ZKpiHeadline = z.object({
  from: z.string(),
  /** The day after the window's last. */
  to: z.string(),
  label: z.string(),
  complete: z.boolean(),
  value: ZKpiValue.nullable(),
  status: ZKpiStatus,
  statusLabel: z.string(),
});
export type KpiHeadline = z.infer<typeof ZKpiHeadline>;

/** The period still running, shown beside the headline, never as it. */
export const ZKpiToDate = z.object({ periodStart: z.string(), label: z.string(), value: ZKpiValue });

export const ZKpiResults = z.object({
  headline: ZKpiHeadline,
  toDate: ZKpiToDate.nullable(),
  change: ZKpiChange.nullable(),
  series: z.array(ZKpiSeriesPoint),
  /** The headline window broken down by segment. */
  segments: z.array(ZKpiPoint),
  lastRunAt: z.string().nullable(),
  /** The organisation's date today and its zone: what "complete" was judged against. */
  today: z.string(),
  timeZone: z.string(),
});
export type KpiResults = z.infer<typeof ZKpiResults>;

/** One dashboard card: a KPI's results as `kpi.results` gives them, without the segment breakdown. */
export const ZKpiCardResults = ZKpiResults.omit({ segments: true }).extend({ kpiId: z.string() });
export type KpiCardResults = z.infer<typeof ZKpiCardResults>;
