import { sql } from 'kysely';
import { kpiBreaches, notFound, type KpiDefinition, type KpiValue } from '@throughline/domain';
import type { Db } from '../database.ts';

/**
 * Raises an alert for each breach in the periods given (once per KPI, period and kind) and
 * resolves those a recompute shows are no longer breached.
 */
export async function syncKpiAlerts(db: Db, organisationId: string, kpi: KpiDefinition, periods: { periodStart: string; value: KpiValue }[], now: Date): Promise<number> {
  let raised = 0;
  for (const { periodStart, value } of periods) {
    const kinds = kpiBreaches(kpi, value);
    for (const kind of kinds) {
      const line = kind === 'threshold' ? kpi.threshold! : kpi.target!;
      const row = await db
        .insertInto('kpi_alert')
        .values({ organisation_id: organisationId, kpi_id: kpi.id, period_start: periodStart, kind, value: value.value, line, n: value.n, raised_at: now })
        .onConflict((oc) => oc.columns(['kpi_id', 'period_start', 'kind']).doUpdateSet({ value: value.value, line, n: value.n, resolved_at: null }))
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .executeTakeFirstOrThrow();
      if (row.inserted) raised += 1;
    }
    let open = db
      .updateTable('kpi_alert')
      .set({ resolved_at: now })
      .where('kpi_id', '=', kpi.id)
      .where(sql<boolean>`period_start = ${periodStart}::date`)
      .where('resolved_at', 'is', null);
    if (kinds.length > 0) open = open.where('kind', 'not in', kinds);
    await open.execute();
  }
  return raised;
}

export interface AlertView {
  id: string;
  kpiId: string;
  kpiKey: string;
  kpiName: string;
  periodStart: string;
  kind: 'threshold' | 'target';
  value: number;
  line: number;
  n: number;
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
      sql<string>`to_char(a.period_start, 'YYYY-MM-DD')`.as('periodStart'),
      'a.kind',
      'a.value',
      'a.line',
      'a.n',
      'a.raised_at',
      'a.resolved_at',
      'a.acknowledged_by as acknowledgedBy',
    ])
    .where('a.organisation_id', '=', organisationId);
  if (!opts.includeResolved) query = query.where('a.resolved_at', 'is', null);
  const rows = await query.orderBy('a.period_start', 'desc').orderBy('a.kind').limit(opts.limit).execute();
  return rows.map(({ raised_at, resolved_at, ...r }) => ({ ...r, raisedAt: raised_at.toISOString(), resolvedAt: resolved_at?.toISOString() ?? null }));
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
