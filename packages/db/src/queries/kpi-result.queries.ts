import { sql } from 'kysely';
import { addAggregates, EMPTY_AGGREGATE, type KpiAggregate, type KpiValue } from '@throughline/domain';
import type { Db } from '../database.ts';

export interface KpiPoint extends KpiValue {
  periodStart: string;
  segment: string;
}

/** A KPI's stored results, oldest period first; '' is all segments together. */
export async function listKpiResults(
  db: Db,
  organisationId: string,
  kpiId: string,
  opts: { segment?: string | undefined; limit?: number } = {},
): Promise<KpiPoint[]> {
  let query = db
    .selectFrom('kpi_result')
    .select([
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('periodStart'),
      'segment',
      'value',
      'n',
      'ci_low as ciLow',
      'ci_high as ciHigh',
      'method',
      'small_sample as smallSample',
    ])
    .where('organisation_id', '=', organisationId)
    .where('kpi_id', '=', kpiId);
  if (opts.segment !== undefined) query = query.where('segment', '=', opts.segment);
  const rows = await query
    .orderBy('period_start', 'desc')
    .orderBy('segment')
    .limit(opts.limit ?? 1_000)
    .execute();
  // The newest `limit` rows, returned oldest period first.
  return rows
    .map((r) => ({ ...r, method: r.method as KpiValue['method'] }))
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.segment.localeCompare(b.segment));
}

/** The summed daily figures of each period named, for all segments together. */
export async function periodAggregates(
  db: Db,
  kpiId: string,
  grain: string,
  periods: readonly string[],
): Promise<Map<string, KpiAggregate>> {
  const out = new Map<string, KpiAggregate>();
  if (periods.length === 0) return out;
  const rows = await db
    .selectFrom('kpi_day')
    .select([
      sql<string>`to_char(date_trunc(${grain}, day)::date, 'YYYY-MM-DD')`.as('period'),
      'n',
      'positives',
      'negatives',
      'sum',
      'sum_squares',
      'denominator',
      'samples',
    ])
    .where('kpi_id', '=', kpiId)
    .where('segment', '=', '')
    .where(sql<boolean>`date_trunc(${grain}, day)::date = ANY(${periods}::date[])`)
    .execute();
  for (const r of rows) {
    const day: KpiAggregate = {
      n: r.n,
      positives: r.positives,
      negatives: r.negatives,
      sum: r.sum,
      sumSquares: r.sum_squares,
      denominator: r.denominator,
      samples: r.samples,
    };
    out.set(r.period, addAggregates(out.get(r.period) ?? EMPTY_AGGREGATE, day));
  }
  return out;
}

/** When each KPI of the organisation was last recomputed. */
export async function kpiRunStates(db: Db, organisationId: string) {
  return db
    .selectFrom('kpi_run_state')
    .select(['kpi_id as kpiId', 'last_run_at as lastRunAt'])
    .where('organisation_id', '=', organisationId)
    .execute();
}
