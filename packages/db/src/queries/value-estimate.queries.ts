import { sql } from 'kysely';
import {
  DEFAULT_SURVEY_SCALE,
  defaultValuePerPoint,
  describeDivergence,
  valueDivergence,
  ZValueEstimate,
  type ValueEstimate,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { onSurveyScale } from './survey-scale.sql.ts';

export interface ValueLink {
  /** The value per point someone entered on the KPI. */
  entered: number | null;
  /** The value model's estimate, when it has one it stands behind. */
  modelled: number | null;
  modelledMethod: 'band_ltv' | 'churn_regression' | null;
  /** The entered value in words against the model's interval, when it lies outside it. */
  divergence: string | null;
  /** Why the entered value stands, as given when it was saved. */
  reason: string | null;
}

/**
 * Each KPI's value link: the entered value and the value model's pick side by side (the
 * regression when it is reliable, else band lifetime value; see defaultValuePerPoint).
 */
export async function kpiValueLinks(db: Db, organisationId: string): Promise<Map<string, ValueLink>> {
  const [kpis, estimates] = await Promise.all([
    db
      .selectFrom('kpi')
      .select(['id', 'value_per_point as valuePerPoint', 'value_per_point_reason as valuePerPointReason'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    listValueEstimates(db, organisationId),
  ]);
  return valueLinksOf(kpis, estimates);
}

/** The value links of KPIs already read, from the organisation's stored estimates (see kpiValueLinks). */
export function valueLinksOf(
  kpis: readonly { id: string; valuePerPoint: number | null; valuePerPointReason: string | null }[],
  estimates: readonly StoredValueEstimate[],
): Map<string, ValueLink> {
  return new Map(
    kpis.map((k) => {
      const mine = estimates.filter((e) => e.kpiId === k.id);
      const choice = defaultValuePerPoint(null, mine);
      const divergence = valueDivergence(k.valuePerPoint, mine);
      return [
        k.id,
        {
          entered: k.valuePerPoint,
          modelled: choice?.value ?? null,
          modelledMethod: choice?.estimate?.method ?? null,
          divergence: divergence ? describeDivergence(divergence) : null,
          reason: k.valuePerPointReason,
        },
      ];
    }),
  );
}

export interface CustomerOutcomeRow {
  customerId: string;
  score: number;
  churned: boolean;
  /** The annual revenue at stake: the premium the churn lost or the renewal kept. */
  revenue: number;
  /** Cost-to-serve events in the year up to the score. */
  costToServe: number;
}

/**
 * Each customer's latest score on an instrument, joined to what followed: the first churn or
 * renewal after it, and the revenue that event carried (else the customer's revenue in the year
 * before). Customers with neither yet are left out: their outcome is not known, and counting them
 * as retained would flatter every score.
 */
export async function customerOutcomes(
  db: Db,
  organisationId: string,
  instrument: 'nps' | 'csat' | 'ces',
  period: { from: string; to: string },
  scope: { journeyId?: string | undefined; stepId?: string | undefined; scaleMax?: number } = {},
): Promise<CustomerOutcomeRow[]> {
  const onScale = onSurveyScale(instrument, scope.scaleMax ?? DEFAULT_SURVEY_SCALE[instrument].max);
  // A journey's (or step's) KPI is priced on the answers given there, as the KPI counts them.
  const inScope = scope.stepId ? sql`AND step_id = ${scope.stepId}` : scope.journeyId ? sql`AND journey_id = ${scope.journeyId}` : sql``;
  // One pass over the customer's answers and outcome events together, sorted by customer: no join
  // whose plan depends on table statistics. A fresh organisation's statistics say its tables are
  // nearly empty (the embedded database has no autovacuum), and a join planned on that runs as
  // nested loops over every customer's events, minutes for a few thousand customers.
  const { rows } = await sql<CustomerOutcomeRow>`
    WITH answers AS (
      SELECT customer_id, occurred_at, score, NULL::text AS type, NULL::float8 AS value
      FROM survey_response
      WHERE organisation_id = ${organisationId} AND instrument = ${instrument} AND customer_id IS NOT NULL
        AND occurred_at >= ${period.from}::date AND occurred_at < ${period.to}::date + 1 ${onScale} ${inScope}
    ),
    stream AS (
      SELECT * FROM answers
      UNION ALL
      SELECT customer_id, occurred_at, NULL::int, type, value
      FROM operational_event
      WHERE organisation_id = ${organisationId} AND type IN ('churn', 'renewal', 'revenue', 'cost') AND customer_id IS NOT NULL
    ),
    marked AS (
      SELECT *, max(occurred_at) FILTER (WHERE score IS NOT NULL) OVER (PARTITION BY customer_id) AS scored_at
      FROM stream
    ),
    per_customer AS (
      SELECT customer_id,
        (array_agg(score ORDER BY occurred_at DESC) FILTER (WHERE score IS NOT NULL))[1] AS score,
        (array_agg(type ORDER BY occurred_at) FILTER (WHERE type IN ('churn', 'renewal') AND occurred_at > scored_at))[1] AS outcome,
        (array_agg(value ORDER BY occurred_at) FILTER (WHERE type IN ('churn', 'renewal') AND occurred_at > scored_at))[1] AS outcome_value,
        sum(value) FILTER (WHERE type = 'revenue' AND occurred_at <= scored_at AND occurred_at > scored_at - interval '365 days') AS revenue,
        sum(value) FILTER (WHERE type = 'cost' AND occurred_at <= scored_at AND occurred_at > scored_at - interval '365 days') AS cost
      FROM marked
      WHERE scored_at IS NOT NULL
      GROUP BY customer_id
    )
    SELECT customer_id AS "customerId", score::float8 AS score, outcome = 'churn' AS churned,
      coalesce(outcome_value, revenue, 0)::float8 AS revenue, coalesce(cost, 0)::float8 AS "costToServe"
    FROM per_customer
    WHERE outcome IS NOT NULL
    ORDER BY customer_id
  `.execute(db);
  return rows;
}

/** The first and last day with survey answers on an instrument: the value model's default period. */
export async function surveyPeriod(
  db: Db,
  organisationId: string,
  instrument: 'nps' | 'csat' | 'ces',
): Promise<{ from: string; to: string } | null> {
  const row = await db
    .selectFrom('survey_response')
    .select([
      sql<string | null>`to_char(min(occurred_at), 'YYYY-MM-DD')`.as('from'),
      sql<string | null>`to_char(max(occurred_at), 'YYYY-MM-DD')`.as('to'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('instrument', '=', instrument)
    .executeTakeFirst();
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

export type StoredValueEstimate = ValueEstimate & { kpiId: string; fittedAt: string };

/** Replaces a KPI's estimates by method: refitting is idempotent. */
export async function saveValueEstimates(
  db: Db,
  organisationId: string,
  kpiId: string,
  estimates: readonly ValueEstimate[],
  now: Date,
): Promise<void> {
  // A method the data no longer supports is dropped, not left standing at an old value.
  let stale = db.deleteFrom('value_estimate').where('kpi_id', '=', kpiId);
  if (estimates.length)
    stale = stale.where(
      'method',
      'not in',
      estimates.map((e) => e.method),
    );
  await stale.execute();
  for (const e of estimates) {
    const row = {
      organisation_id: organisationId,
      kpi_id: kpiId,
      method: e.method,
      value_per_point: e.valuePerPoint,
      ci_low: e.ciLow,
      ci_high: e.ciHigh,
      n_customers: e.nCustomers,
      period_start: e.periodStart,
      period_end: e.periodEnd,
      detail: JSON.stringify(e.detail),
      fitted_at: now,
    };
    await db
      .insertInto('value_estimate')
      .values(row)
      .onConflict((oc) => oc.columns(['kpi_id', 'method']).doUpdateSet({ ...row }))
      .execute();
  }
}

export async function listValueEstimates(db: Db, organisationId: string, kpiId?: string): Promise<StoredValueEstimate[]> {
  let query = db
    .selectFrom('value_estimate')
    .select([
      'kpi_id as kpiId',
      'method',
      'value_per_point as valuePerPoint',
      'ci_low as ciLow',
      'ci_high as ciHigh',
      'n_customers as nCustomers',
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('periodStart'),
      sql<string>`to_char(period_end, 'YYYY-MM-DD')`.as('periodEnd'),
      'detail',
      'fitted_at',
    ])
    .where('organisation_id', '=', organisationId);
  if (kpiId) query = query.where('kpi_id', '=', kpiId);
  const rows = await query.orderBy('kpi_id').orderBy('method').execute();
  // Stored by the schema's own shape: parsed back so a row that no longer fits fails loudly.
  return rows.map(({ fitted_at, kpiId, ...r }) => ({ ...ZValueEstimate.parse(r), kpiId, fittedAt: fitted_at.toISOString() }));
}
