import { sql } from 'kysely';
import { kpiBreaches, notFound, periodLabel, type KpiDefinition, type KpiValue } from '@throughline/domain';
import type { Db } from '../database.ts';

/**
 * Raises an alert for each breach in the periods given (once per KPI, period and kind) and
 * resolves those a recompute shows are no longer breached.
 */
export async function syncKpiAlerts(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  periods: { periodStart: string; value: KpiValue; complete: boolean }[],
  now: Date,
): Promise<number> {
  let raised = 0;
  for (const { periodStart, value, complete } of periods) {
    const kinds = kpiBreaches(kpi, value, { complete });
    // One statement per period, as a recompute runs it once per KPI: the breaches raised (or
    // refreshed and reopened), and the period's other open alerts resolved. The two touch
    // different kinds, so neither sees the other's rows.
    const breaches = kinds.map(
      (kind) =>
        sql`(${organisationId}::uuid, ${kpi.id}::uuid, ${periodStart}::date, ${kind}, ${value.value}::float8, ${kind === 'threshold' ? kpi.threshold! : kpi.target!}::float8, ${value.n}::int, ${value.ciLow}::float8, ${value.ciHigh}::float8, ${now}::timestamptz)`,
    );
    const raise = breaches.length
      ? sql`
        INSERT INTO kpi_alert (organisation_id, kpi_id, period_start, kind, value, line, n, ci_low, ci_high, raised_at) VALUES ${sql.join(breaches)}
        ON CONFLICT (kpi_id, period_start, kind) DO UPDATE SET value = EXCLUDED.value, line = EXCLUDED.line, n = EXCLUDED.n, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high, resolved_at = NULL
        RETURNING xmax = 0 AS inserted`
      : sql`SELECT false AS inserted WHERE false`;
    const { rows } = await sql<{ raised: number }>`
      WITH raised AS (${raise}),
      resolved AS (
        UPDATE kpi_alert SET resolved_at = ${now}::timestamptz
        WHERE kpi_id = ${kpi.id}::uuid AND period_start = ${periodStart}::date AND resolved_at IS NULL AND kind <> ALL(${kinds}::text[])
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM raised WHERE inserted)::int AS raised`.execute(db);
    raised += rows[0]!.raised;
  }
  return raised;
}

export interface AlertView {
  id: string;
  kpiId: string;
  kpiKey: string;
  kpiName: string;
  periodStart: string;
  periodLabel: string;
  kind: 'threshold' | 'target';
  value: number;
  line: number;
  n: number;
  /** The 95% interval that lay wholly past the line (null for kinds without one). */
  ciLow: number | null;
  ciHigh: number | null;
  raisedAt: string;
  resolvedAt: string | null;
  acknowledgedBy: string | null;
}

/** The organisation's alerts, newest first; open ones only unless asked. */
export async function listAlerts(db: Db, organisationId: string, opts: { includeResolved: boolean; limit: number }): Promise<AlertView[]> {
  let query = db
    .selectFrom('kpi_alert as a')
    .innerJoin('kpi', 'kpi.id', 'a.kpi_id')
    .select([
      'a.id',
      'a.kpi_id as kpiId',
      'kpi.key as kpiKey',
      'kpi.name as kpiName',
      'kpi.grain',
      sql<string>`to_char(a.period_start, 'YYYY-MM-DD')`.as('periodStart'),
      'a.kind',
      'a.value',
      'a.line',
      'a.n',
      'a.ci_low as ciLow',
      'a.ci_high as ciHigh',
      'a.raised_at',
      'a.resolved_at',
      'a.acknowledged_by as acknowledgedBy',
    ])
    .where('a.organisation_id', '=', organisationId);
  if (!opts.includeResolved) query = query.where('a.resolved_at', 'is', null);
  const rows = await query.orderBy('a.period_start', 'desc').orderBy('a.kind').limit(opts.limit).execute();
  return rows.map(({ raised_at, resolved_at, grain, ...r }) => ({
    ...r,
    periodLabel: periodLabel(r.periodStart, grain),
    raisedAt: raised_at.toISOString(),
    resolvedAt: resolved_at?.toISOString() ?? null,
  }));
}

export async function acknowledgeAlert(db: Db, organisationId: string, id: string, by: string, now: Date): Promise<void> {
  const row = await db
    .updateTable('kpi_alert')
    .set({ acknowledged_by: by, acknowledged_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Alert');
}
