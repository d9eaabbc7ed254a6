import { sql } from 'kysely';
import type { Db } from '../database.ts';

export interface ValueLink {
  /** The value per point someone entered on the KPI. */
  entered: number | null;
  /** The value model's estimate, when it has one it stands behind. */
  modelled: number | null;
  modelledMethod: 'band_ltv' | 'churn_regression' | null;
}

/**
 * Each KPI's value link: the entered value and the value model's estimate side by side. The
 * churn regression is preferred when it converged; band lifetime value otherwise.
 */
export async function kpiValueLinks(db: Db, organisationId: string): Promise<Map<string, ValueLink>> {
  const [kpis, estimates] = await Promise.all([
    db.selectFrom('kpi').select(['id', 'value_per_point']).where('organisation_id', '=', organisationId).execute(),
    db
      .selectFrom('value_estimate')
      .select(['kpi_id', 'method', 'value_per_point', sql<boolean>`coalesce((detail->>'usable')::boolean, true)`.as('usable')])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  const out = new Map<string, ValueLink>(kpis.map((k) => [k.id, { entered: k.value_per_point, modelled: null, modelledMethod: null }]));
  for (const method of ['band_ltv', 'churn_regression'] as const) {
    for (const e of estimates) {
      const link = out.get(e.kpi_id);
      if (link && e.method === method && e.usable) Object.assign(link, { modelled: e.value_per_point, modelledMethod: method });
    }
  }
  return out;
}

export interface CustomerOutcomeRow {
  customerId: string;
  score: number;
  churned: boolean;
  /** Revenue from the customer in the year up to their latest score. */
  revenue: number;
  /** Cost-to-serve events in the same year. */
  costToServe: number;
}

/**
 * Each customer's latest score on an instrument, joined to what followed: churned if a churn
 * event came after it, retained if a renewal did. Customers with neither yet are left out: their
 * outcome is not known, and counting them as retained would flatter every score.
 */
export async function customerOutcomes(db: Db, organisationId: string, instrument: 'nps' | 'csat' | 'ces', period: { from: string; to: string }): Promise<CustomerOutcomeRow[]> {
  const { rows } = await sql<{ customerId: string; score: number; churned: boolean; revenue: number; costToServe: number }>`
    WITH latest AS (
      SELECT DISTINCT ON (customer_id) customer_id, score, occurred_at
      FROM survey_response
      WHERE organisation_id = ${organisationId} AND instrument = ${instrument} AND customer_id IS NOT NULL
        AND occurred_at >= ${period.from}::date AND occurred_at < ${period.to}::date + 1
      ORDER BY customer_id, occurred_at DESC
    ),
    followed AS (
      SELECT l.customer_id,
        bool_or(e.type = 'churn' AND e.occurred_at > l.occurred_at) AS churned,
        bool_or(e.type IN ('churn', 'renewal') AND e.occurred_at > l.occurred_at) AS known,
        coalesce(sum(e.value) FILTER (WHERE e.type = 'revenue' AND e.occurred_at <= l.occurred_at AND e.occurred_at > l.occurred_at - interval '365 days'), 0) AS revenue,
        coalesce(sum(e.value) FILTER (WHERE e.type = 'cost' AND e.occurred_at <= l.occurred_at AND e.occurred_at > l.occurred_at - interval '365 days'), 0) AS cost
      FROM latest l
      JOIN operational_event e ON e.organisation_id = ${organisationId} AND e.customer_id = l.customer_id AND e.type IN ('churn', 'renewal', 'revenue', 'cost')
      GROUP BY l.customer_id
    )
    SELECT l.customer_id AS "customerId", l.score::float8 AS score, f.churned, f.revenue::float8 AS revenue, f.cost::float8 AS "costToServe"
    FROM latest l JOIN followed f USING (customer_id)
    WHERE f.known
    ORDER BY l.customer_id
  `.execute(db);
  return rows;
}

/** The first and last day with survey answers on an instrument: the value model's default period. */
export async function surveyPeriod(db: Db, organisationId: string, instrument: 'nps' | 'csat' | 'ces'): Promise<{ from: string; to: string } | null> {
  const row = await db
    .selectFrom('survey_response')
    .select([sql<string | null>`to_char(min(occurred_at), 'YYYY-MM-DD')`.as('from'), sql<string | null>`to_char(max(occurred_at), 'YYYY-MM-DD')`.as('to')])
    .where('organisation_id', '=', organisationId)
    .where('instrument', '=', instrument)
    .executeTakeFirst();
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

export interface StoredValueEstimate {
  kpiId: string;
  method: 'band_ltv' | 'churn_regression';
  valuePerPoint: number;
  ciLow: number;
  ciHigh: number;
  nCustomers: number;
  periodStart: string;
  periodEnd: string;
  detail: unknown;
  fittedAt: string;
}

/** Replaces a KPI's estimates by method: refitting is idempotent. */
export async function saveValueEstimates(db: Db, organisationId: string, estimates: readonly Omit<StoredValueEstimate, 'fittedAt'>[], now: Date): Promise<void> {
  for (const e of estimates) {
    const row = {
      organisation_id: organisationId,
      kpi_id: e.kpiId,
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
  return rows.map(({ fitted_at, ...r }) => ({ ...r, fittedAt: fitted_at.toISOString() }));
}
