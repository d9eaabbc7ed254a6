import { sql, type RawBuilder } from 'kysely';
import {
  addAggregates,
  currentPeriodStart,
  dayIn,
  EMPTY_AGGREGATE,
  isComplete,
  kpiValue,
  lastCompletePeriodStart,
  periodStartOf,
  periodWindow,
  surveyScale,
  type KpiAggregate,
  type KpiDefinition,
  type KpiValue,
  type RolloutDimension,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { syncKpiAlerts } from './kpi-alert.queries.ts';
import { onSurveyScale } from './survey-scale.sql.ts';

/** The events a KPI reads, as SQL: the table, the organisation's rows of its source, its scope. */
function sourceOf(organisationId: string, kpi: KpiDefinition) {
  const scope: RawBuilder<unknown> =
    kpi.scope.level === 'organisation'
      ? sql``
      : kpi.scope.level === 'journey'
        ? sql`AND journey_id = ${kpi.scope.journeyId}::uuid`
        : sql`AND step_id = ${kpi.scope.stepId}::uuid`;
  if (kpi.source.stream === 'survey') {
    // Only answers on the KPI's stated scale: a 1–7 CSAT and a 1–5 CSAT are different questions.
    const onScale = onSurveyScale(kpi.source.instrument, surveyScale(kpi.source).max);
    return {
      table: sql.table('survey_response'),
      where: sql`organisation_id = ${organisationId}::uuid AND instrument = ${kpi.source.instrument} ${onScale} ${scope}`,
    };
  }
  const types = [
    kpi.source.eventType,
    ...(kpi.kind === 'ratio' && kpi.source.denominatorEventType ? [kpi.source.denominatorEventType] : []),
  ];
  return {
    table: sql.table('operational_event'),
    where: sql`organisation_id = ${organisationId}::uuid AND type = ANY(${types}::text[]) ${scope}`,
  };
}

/**
 * One day's additive figures for the KPI, per segment and for all segments (''), in SQL.
 * Positives are promoters, the stated top box (CSAT 4–5 or, on 1–7, as stated), CES agreement
 * (5–7) or a rate's condition met.
 */
function dayFigures(kpi: KpiDefinition): { select: RawBuilder<unknown>; measure: RawBuilder<unknown>; segment: RawBuilder<unknown> } {
  if (kpi.source.stream === 'survey') {
    const positive = sql`score >= ${sql.lit(kpi.kind === 'nps' ? 9 : surveyScale(kpi.source).positiveFrom)}`;
    return {
      measure: sql`score::float8`,
      segment: sql`segment`,
      select: sql`count(*)::int AS n, (count(*) FILTER (WHERE ${positive}))::int AS positives,
                  (count(*) FILTER (WHERE score <= 6 AND ${kpi.kind === 'nps'}))::int AS negatives,
                  coalesce(sum(m), 0) AS sum, coalesce(sum(m * m), 0) AS sum_squares, 0::float8 AS denominator`,
    };
  }
  const main = kpi.source.eventType;
  const condition = kpi.source.conditionAttribute ?? '';
  const denominator = kpi.source.denominatorEventType ?? '';
  return {
    measure: sql`value`,
    segment: sql`attributes->>'segment'`,
    select: sql`(count(*) FILTER (WHERE type = ${main}))::int AS n,
                (count(*) FILTER (WHERE type = ${main} AND attributes->>${condition} = 'true'))::int AS positives, 0 AS negatives,
                coalesce(sum(m) FILTER (WHERE type = ${main}), 0) AS sum, coalesce(sum(m * m) FILTER (WHERE type = ${main}), 0) AS sum_squares,
                (count(*) FILTER (WHERE type = ${denominator}))::float8 AS denominator`,
  };
}

/** Rebuilds the KPI's daily rollups for `days` (all days when null). */
async function refreshDays(db: Db, organisationId: string, kpi: KpiDefinition, days: string[] | null, timeZone: string): Promise<void> {
  const src = sourceOf(organisationId, kpi);
  const figures = dayFigures(kpi);
  // The days as ranges of occurred_at (consecutive days merged, each from the organisation's
  // midnight), so the (organisation, source, occurred_at) index finds just those days' events
  // instead of reading the whole history.
  const local = (day: string) => sql`(${day.slice(0, 10)}::timestamp AT TIME ZONE ${timeZone})`;
  const onDays =
    days === null
      ? sql``
      : sql`AND (${sql.join(
          dayRanges(days).map(([from, to]) => sql`(occurred_at >= ${local(from)} AND occurred_at < ${local(to)})`),
          sql` OR `,
        )})`;
  const columns = kpi.source.stream === 'survey' ? sql`score` : sql`type, attributes`;
  const samples =
    kpi.kind === 'median' || kpi.kind === 'p90'
      ? sql`coalesce(array_agg(m) FILTER (WHERE m IS NOT NULL AND type_ok), '{}')`
      : sql`'{}'::float8[]`;
  const typeOk = kpi.source.stream === 'operational' ? sql`type = ${kpi.source.eventType}` : sql`true`;
  await (days === null
    ? db.deleteFrom('kpi_day').where('kpi_id', '=', kpi.id).execute()
    : db
        .deleteFrom('kpi_day')
        .where('kpi_id', '=', kpi.id)
        .where(sql<boolean>`day = ANY(${days}::date[])`)
        .execute());
  // The events are read once and grouped by day and segment; each day's all-segment row ('') is
  // the sum of its segments' rows (their samples put together), which costs nothing beside the
  // read, where grouping the events twice (GROUPING SETS) sorts them all.
  const quantile = kpi.kind === 'median' || kpi.kind === 'p90';
  const allSamples = quantile ? sql`coalesce(s.samples, '{}')` : sql`'{}'::float8[]`;
  const withSamples = quantile
    ? sql`LEFT JOIN (SELECT b.day, array_agg(v) AS samples FROM by_segment b, unnest(b.samples) v GROUP BY b.day) s ON s.day = d.day`
    : sql``;
  const rollups = sql`
    WITH by_segment AS MATERIALIZED (
      SELECT day, coalesce(seg, '(none)') AS segment, ${figures.select}, ${samples} AS samples
      FROM (SELECT (occurred_at AT TIME ZONE ${timeZone})::date AS day, ${figures.segment} AS seg, ${figures.measure} AS m, ${columns}, ${typeOk} AS type_ok
            FROM ${src.table} WHERE ${src.where} ${onDays}) e
      GROUP BY day, seg)
    SELECT day, segment, n, positives, negatives, sum, sum_squares, denominator, samples FROM by_segment
    UNION ALL
    SELECT d.day, '', d.n, d.positives, d.negatives, d.sum, d.sum_squares, d.denominator, ${allSamples}
    FROM (SELECT day, sum(n)::int AS n, sum(positives)::int AS positives, sum(negatives)::int AS negatives, sum(sum) AS sum,
                 sum(sum_squares) AS sum_squares, sum(denominator) AS denominator
          FROM by_segment GROUP BY day) d ${withSamples}`;
  const columnsOut = sql`organisation_id, kpi_id, day, segment, n, positives, negatives, sum, sum_squares, denominator, samples`;
  if (quantile || days !== null) {
    // A KPI of quantiles puts every value into its rollups' samples, and a few days are quickly
    // read: kept on the server, in one statement.
    await sql`INSERT INTO kpi_day (${columnsOut}) SELECT ${organisationId}::uuid, ${kpi.id}::uuid, * FROM (${rollups}) r`.execute(db);
    return;
  }
  // A rebuild reads every event: read first, then stored, as PostgreSQL reads for a statement that
  // writes with one process, and for a read alone with parallel workers. The rollups are a few
  // rows a day, whatever the events; every float8 in its shortest exact form, whatever the role
  // or database has set.
  await sql`SET LOCAL extra_float_digits = 1`.execute(db);
  const { rows } = await sql<DayRollup>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, segment, n, positives, negatives, sum, sum_squares AS "sumSquares", denominator
    FROM (${rollups}) r`.execute(db);
  // Stored in slices, so a KPI with many segments never makes one giant parameter.
  for (let from = 0; from < rows.length; from += ROLLUPS_PER_STATEMENT) {
    await sql`
      INSERT INTO kpi_day (${columnsOut})
      SELECT ${organisationId}::uuid, ${kpi.id}::uuid, r.day, r.segment, r.n, r.positives, r.negatives, r.sum, r."sumSquares", r.denominator, '{}'
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(from, from + ROLLUPS_PER_STATEMENT))}::jsonb)
        AS r(day date, segment text, n int, positives int, negatives int, sum float8, "sumSquares" float8, denominator float8)`.execute(db);
  }
}

/** Rollup rows stored by one statement of a rebuild (a year of days in a few dozen segments). */
const ROLLUPS_PER_STATEMENT = 20_000;

/** One row of a KPI's daily rollups, as read before it is stored (samples stay on the server). */
type DayRollup = { day: string; segment: string } & Omit<KpiAggregate, 'samples'>;

/** Days (YYYY-MM-DD) as half-open UTC ranges, consecutive days merged into one. */
export function dayRanges(days: readonly string[]): [string, string][] {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const ranges: [string, string][] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = ranges.at(-1);
    if (last && last[1] === `${day}T00:00:00Z`) last[1] = `${next(day)}T00:00:00Z`;
    else ranges.push([`${day}T00:00:00Z`, `${next(day)}T00:00:00Z`]);
  }
  return ranges;
}

/** The first day of the period holding `day` (ISO weeks start on Monday). */
export const periodStart = periodStartOf;

/**
 * Days of the KPI's source that received rows from transactions at or past the last run's
 * watermark. The watermark goes in as a value, so the planner sees how few rows lie past it and
 * reads them through the (organisation, ingest_xid) index.
 */
async function daysIngestedSince(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  watermark: string,
  timeZone: string,
): Promise<string[]> {
  const src = sourceOf(organisationId, kpi);
  const { rows } = await sql<{ day: string }>`
    SELECT DISTINCT to_char((occurred_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day
    FROM ${src.table} WHERE ${src.where} AND ingest_xid >= ${watermark}::xid8`.execute(db);
  return rows.map((r) => r.day);
}

/**
 * The last run's watermark, and this run's: the oldest transaction still running (or the next to
 * start). Every transaction before it has committed or rolled back, so each of its rows is
 * visible to every statement from here on; a run that reads after taking it has seen all rows
 * below it, and the next run reads from it. A time watermark cannot say that: an ingest that
 * began earlier and commits later carries an earlier ingested_at than rows already counted, and
 * would be skipped until a full rebuild.
 */
async function watermarks(
  db: Db,
  organisationId: string,
  kpiId: string,
): Promise<{ previous: string | null; current: string; timeZone: string }> {
  // Read beside them: the organisation's time zone, whose midnight cuts the days.
  const { rows } = await sql<{ previous: string | null; current: string; timeZone: string }>`
    SELECT (SELECT watermark::text FROM kpi_run_state WHERE kpi_id = ${kpiId}::uuid) AS previous,
           pg_snapshot_xmin(pg_current_snapshot())::text AS current,
           (SELECT time_zone FROM organisation WHERE id = ${organisationId}::uuid) AS "timeZone"`.execute(db);
  return rows[0]!;
}

export interface RecomputeOutcome {
  mode: 'full' | 'incremental';
  /** Days whose rollups were rebuilt (null: all of them). */
  days: number | null;
  /** Period results written. */
  results: number;
  /** Alerts newly raised by this run. */
  alerts: number;
}

/**
 * Recomputes a KPI: rebuilds the daily rollups of the days that received new events since the
 * last run (every day when `full`, or on the first run), then the results of the periods
 * holding those days, upserted by (KPI, grain, period, segment). Idempotent; run it inside a
 * transaction. An advisory lock keeps two recomputes of one KPI from interleaving.
 */
export async function recomputeKpi(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  opts: { full: boolean; now: Date; runId: string },
): Promise<RecomputeOutcome> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`kpi:${kpi.id}`}))`.execute(db);
  // Read once the lock is held; this run's mark is taken before any event is read.
  const marks = await watermarks(db, organisationId, kpi.id);
  const { timeZone } = marks;
  const watermark = marks.current;
  const previous = opts.full ? null : marks.previous;
  const days = previous === null ? null : await daysIngestedSince(db, organisationId, kpi, previous, timeZone);
  const full = days === null;

  let results = 0;
  if (days === null || days.length > 0) {
    await refreshDays(db, organisationId, kpi, days, timeZone);
    const { written } = await writeResults(
      db,
      organisationId,
      kpi,
      days === null ? null : [...new Set(days.map((d) => periodStart(d, kpi.grain)))],
      opts,
    );
    results = written.length;
  }
  // Alerts speak of the last complete period and of the one running (once it has reached the
  // minimum sample); earlier periods are history, shown in the series. Judged on every run, not
  // only when new rows came: a period completes by the clock, not by an ingest.
  const alerts = await syncKpiAlerts(db, organisationId, kpi, await alertPeriods(db, kpi, dayIn(timeZone, opts.now)), opts.now);
  await sql`
    INSERT INTO kpi_run_state (kpi_id, organisation_id, watermark, last_run_at, last_run_id)
    VALUES (${kpi.id}::uuid, ${organisationId}::uuid, ${watermark}::xid8, ${opts.now}, ${opts.runId}::uuid)
    ON CONFLICT (kpi_id) DO UPDATE SET watermark = EXCLUDED.watermark, last_run_at = EXCLUDED.last_run_at, last_run_id = EXCLUDED.last_run_id`.execute(
    db,
  );
  return { mode: full ? 'full' : 'incremental', days: days === null ? null : days.length, results, alerts };
}

/** The stored all-segment results of the KPI's last complete and current periods, marked complete or not. */
async function alertPeriods(
  db: Db,
  kpi: KpiDefinition,
  today: string,
): Promise<{ periodStart: string; value: KpiValue; complete: boolean }[]> {
  const starts = [lastCompletePeriodStart(kpi.grain, today), currentPeriodStart(kpi.grain, today)];
  const rows = await db
    .selectFrom('kpi_result')
    .select([
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('periodStart'),
      'value',
      'n',
      'ci_low',
      'ci_high',
      'method',
      'small_sample',
    ])
    .where('kpi_id', '=', kpi.id)
    .where('grain', '=', kpi.grain)
    .where('segment', '=', '')
    .where(sql<boolean>`period_start = ANY(${starts}::date[])`)
    .execute();
  return rows.map((r) => ({
    periodStart: r.periodStart,
    value: {
      value: r.value,
      n: r.n,
      ciLow: r.ci_low,
      ciHigh: r.ci_high,
      method: r.method as KpiValue['method'],
      smallSample: r.small_sample,
    },
    complete: isComplete(periodWindow(r.periodStart, kpi.grain), today),
  }));
}

/** Adds the days of each period up (in domain, the same sums a full rebuild makes) and upserts. */
async function writeResults(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  periods: string[] | null,
  opts: { now: Date; runId: string },
): Promise<{ written: { periodStart: string; segment: string; value: KpiValue }[] }> {
  const periodExpr = sql<string>`to_char(date_trunc(${kpi.grain}, day)::date, 'YYYY-MM-DD')`;
  let query = db
    .selectFrom('kpi_day')
    .select([periodExpr.as('period'), 'segment', 'n', 'positives', 'negatives', 'sum', 'sum_squares', 'denominator', 'samples'])
    .where('kpi_id', '=', kpi.id);
  if (periods) query = query.where(sql<boolean>`date_trunc(${kpi.grain}, day)::date = ANY(${periods}::date[])`);
  const rows = await query.execute();

  const byKey = new Map<string, { period: string; segment: string; total: KpiAggregate }>();
  for (const r of rows) {
    const key = `${r.period}|${r.segment}`;
    const day: KpiAggregate = {
      n: r.n,
      positives: r.positives,
      negatives: r.negatives,
      sum: r.sum,
      sumSquares: r.sum_squares,
      denominator: r.denominator,
      samples: r.samples,
    };
    const entry = byKey.get(key);
    if (entry) entry.total = addAggregates(entry.total, day);
    else byKey.set(key, { period: r.period, segment: r.segment, total: addAggregates(EMPTY_AGGREGATE, day) });
  }

  await (periods
    ? db
        .deleteFrom('kpi_result')
        .where('kpi_id', '=', kpi.id)
        .where('grain', '=', kpi.grain)
        .where(sql<boolean>`period_start = ANY(${periods}::date[])`)
        .execute()
    : db.deleteFrom('kpi_result').where('kpi_id', '=', kpi.id).execute());
  const computed = [...byKey.values()].map(({ period, segment, total }) => ({
    periodStart: period,
    segment,
    value: kpiValue(kpi.kind, total),
  }));
  const values = computed.map(({ periodStart: period, segment, value: v }) => {
    return {
      organisation_id: organisationId,
      kpi_id: kpi.id,
      period_start: period,
      grain: kpi.grain,
      segment,
      value: v.value,
      n: v.n,
      ci_low: v.ciLow,
      ci_high: v.ciHigh,
      method: v.method,
      small_sample: v.smallSample,
      computed_at: opts.now,
      run_id: opts.runId,
    };
  });
  for (let i = 0; i < values.length; i += 1_000)
    await db
      .insertInto('kpi_result')
      .values(values.slice(i, i + 1_000))
      .execute();
  return { written: computed };
}

/** Every KPI with its schedule and last run, across organisations, for the scheduler. */
export async function listKpiSchedules(db: Db) {
  return db
    .selectFrom('kpi')
    .leftJoin('kpi_run_state', 'kpi_run_state.kpi_id', 'kpi.id')
    .select(['kpi.id as kpiId', 'kpi.organisation_id as organisationId', 'kpi.schedule', 'kpi_run_state.last_run_at as lastRunAt'])
    .execute();
}

/** One day's summed figures of a KPI for one group of customers (null: the group is not known). */
export interface GroupDay {
  day: string;
  group: string | null;
  figures: KpiAggregate;
}

/** What tells customers apart in a rollout, as SQL over the KPI's events. */
function groupColumn(kpi: KpiDefinition, by: RolloutDimension): RawBuilder<unknown> {
  if (by === 'step') return sql`step_id::text`;
  if (kpi.source.stream === 'survey') return by === 'region' ? sql`NULL::text` : sql.ref(by);
  return sql`attributes->>${by}`;
}

/**
 * A KPI's daily figures over [from, to] split by a rollout dimension (all customers together when
 * `by` is null), optionally at another scope than its own (a comparison journey or step). Segments
 * at the KPI's own scope come from the daily rollups; anything else is read from the events.
 */
export async function kpiDaysByGroup(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  p: { from: string; to: string; timeZone: string; by: RolloutDimension | null; scope?: KpiDefinition['scope'] },
): Promise<GroupDay[]> {
  const toAggregate = (r: {
    n: number;
    positives: number;
    negatives: number;
    sum: number;
    sum_squares: number;
    denominator: number;
    samples: number[];
  }): KpiAggregate => ({
    n: r.n,
    positives: r.positives,
    negatives: r.negatives,
    sum: r.sum,
    sumSquares: r.sum_squares,
    denominator: r.denominator,
    samples: r.samples,
  });
  if (!p.scope && (p.by === null || p.by === 'segment')) {
    const rows = await db
      .selectFrom('kpi_day')
      .select([
        sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
        'segment',
        'n',
        'positives',
        'negatives',
        'sum',
        'sum_squares',
        'denominator',
        'samples',
      ])
      .where('kpi_id', '=', kpi.id)
      .where('day', '>=', p.from)
      .where('day', '<=', p.to)
      .where(p.by === null ? sql<boolean>`segment = ''` : sql<boolean>`segment <> ''`)
      .execute();
    return rows.map((r) => ({
      day: r.day,
      group: p.by === null ? '' : r.segment === '(none)' ? null : r.segment,
      figures: toAggregate(r),
    }));
  }
  const scoped: KpiDefinition = p.scope ? { ...kpi, scope: p.scope } : kpi;
  const src = sourceOf(organisationId, scoped);
  const figures = dayFigures(scoped);
  const group = p.by === null ? sql`''` : groupColumn(scoped, p.by);
  const columns = scoped.source.stream === 'survey' ? sql`score` : sql`type, attributes`;
  const typeOk = scoped.source.stream === 'operational' ? sql`type = ${scoped.source.eventType}` : sql`true`;
  const samples =
    kpi.kind === 'median' || kpi.kind === 'p90'
      ? sql`coalesce(array_agg(m) FILTER (WHERE m IS NOT NULL AND type_ok), '{}')`
      : sql`'{}'::float8[]`;
  const local = (day: string) => sql`(${day}::timestamp AT TIME ZONE ${p.timeZone})`;
  const { rows } = await sql<{
    day: string;
    grp: string | null;
    n: number;
    positives: number;
    negatives: number;
    sum: number;
    sum_squares: number;
    denominator: number;
    samples: number[];
  }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, grp, ${figures.select}, ${samples} AS samples
    FROM (SELECT (occurred_at AT TIME ZONE ${p.timeZone})::date AS day, ${group} AS grp, ${figures.measure} AS m, ${columns}, ${typeOk} AS type_ok
          FROM ${src.table}
          WHERE ${src.where} AND occurred_at >= ${local(p.from)} AND occurred_at < ${local(p.to)} + interval '1 day') e
    GROUP BY day, grp`.execute(db);
  // Sums of float8 come back as numbers on PGlite and as strings through node-postgres.
  return rows.map((r) => ({
    day: r.day,
    group: r.grp,
    figures: toAggregate({
      ...r,
      n: Number(r.n),
      positives: Number(r.positives),
      negatives: Number(r.negatives),
      sum: Number(r.sum),
      sum_squares: Number(r.sum_squares),
      denominator: Number(r.denominator),
    }),
  }));
}
