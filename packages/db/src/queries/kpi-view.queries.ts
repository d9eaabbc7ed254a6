import { sql } from 'kysely';
import {
  addPeriods,
  currentPeriodStart,
  dayIn,
  isComplete,
  kpiChange,
  kpiHeadline,
  kpiValue,
  periodLabel,
  periodWindow,
  selectedWindow,
  sumAggregates,
  type KpiAggregate,
  type KpiCardResults,
  type KpiDefinition,
  type KpiResults,
  type PeriodSelection,
  type PeriodWindow,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { kpiRunStates, listKpiResults, type KpiPoint } from './kpi-result.queries.ts';

/** The organisation's clock: its time zone and the date it is there now. */
export async function organisationClock(db: Db, organisationId: string, now: Date): Promise<{ timeZone: string; today: string }> {
  const { time_zone: timeZone } = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { timeZone, today: dayIn(timeZone, now) };
}

const dayAggregate = (r: {
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

/**
 * The summed daily figures (all segments together) of each KPI's window asked for, in one
 * statement however many KPIs and windows: any period or range is the sum of its days, by the
 * same formulas as the stored results.
 */
export async function kpiWindowFigures(db: Db, reads: readonly { kpiId: string; window: PeriodWindow }[]): Promise<KpiAggregate[]> {
  if (reads.length === 0) return [];
  const values = sql.join(reads.map((r, i) => sql`(${i}::int, ${r.kpiId}::uuid, ${r.window.from}::date, ${r.window.to}::date)`));
  const { rows } = await sql<{
    i: number;
    n: number;
    positives: number;
    negatives: number;
    sum: number;
    sum_squares: number;
    denominator: number;
    samples: number[];
  }>`
    SELECT w.i, d.n, d.positives, d.negatives, d.sum, d.sum_squares, d.denominator, d.samples
    FROM (VALUES ${values}) AS w(i, kpi_id, f, t)
    JOIN kpi_day d ON d.kpi_id = w.kpi_id AND d.segment = '' AND d.day >= w.f AND d.day < w.t`.execute(db);
  const byRead = new Map<number, KpiAggregate[]>();
  for (const r of rows) byRead.set(r.i, [...(byRead.get(r.i) ?? []), dayAggregate(r)]);
  return reads.map((_, i) => sumAggregates(byRead.get(i) ?? []));
}

/** A window's figures by segment (every segment but the all-segments total). */
export async function segmentAggregates(db: Db, kpiId: string, window: PeriodWindow): Promise<Map<string, KpiAggregate>> {
  const rows = await db
    .selectFrom('kpi_day')
    .select(['segment', 'n', 'positives', 'negatives', 'sum', 'sum_squares', 'denominator', 'samples'])
    .where('kpi_id', '=', kpiId)
    .where('segment', '<>', '')
    .where('day', '>=', window.from)
    .where('day', '<', window.to)
    .execute();
  const out = new Map<string, KpiAggregate>();
  for (const r of rows) out.set(r.segment, sumAggregates([out.get(r.segment) ?? sumAggregates([]), dayAggregate(r)]));
  return out;
}

const addDaysBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The three windows a view of a KPI reads: the one it leads with, the one before, and the one running. */
function viewWindows(kpi: KpiDefinition, selection: PeriodSelection, today: string) {
  const window = selectedWindow(selection, kpi.grain, today);
  const current = periodWindow(currentPeriodStart(kpi.grain, today), kpi.grain);
  const previousLabel = selectedWindow(
    selection.kind === 'range'
      ? { kind: 'range', from: window.previous.from, to: addDaysBefore(window.previous.to) }
      : { kind: 'period', start: window.previous.from },
    kpi.grain,
    today,
  ).label;
  return { window, current, previousLabel, read: [window, window.previous, current] as const };
}

/** The view from the three windows' figures: headline with status, change, and the period to date. */
function viewOf(kpi: KpiDefinition, w: ReturnType<typeof viewWindows>, [total, before, running]: KpiAggregate[]) {
  const { window, current } = w;
  const headline = kpiHeadline(kpi, window, total!);
  const change = kpiChange(
    kpi,
    { window: { from: window.previous.from, label: w.previousLabel }, total: before! },
    { window, total: total! },
  );
  const showsCurrent = window.from === current.from && window.to === current.to;
  const toDate =
    running!.n > 0 && !showsCurrent
      ? { periodStart: current.from, label: `${periodLabel(current.from, kpi.grain)} (to date)`, value: kpiValue(kpi.kind, running!) }
      : null;
  return { window, headline, change, toDate };
}

/** A window of one KPI to read the daily figures of. */
export interface WindowRead {
  kpiId: string;
  window: PeriodWindow;
}

/**
 * What every view of a KPI leads with: the selected window (the last complete period unless
 * another is chosen) with its value and status, the change from the window before, and the
 * period still running as "to date" beside it. Every KPI's view, and any further windows asked
 * for (`also`), come from one kpiWindowFigures statement however many KPIs there are.
 */
export async function kpiHeadlineViews(
  db: Db,
  kpis: readonly KpiDefinition[],
  selection: PeriodSelection,
  today: string,
  also: readonly WindowRead[] = [],
) {
  const windows = kpis.map((k) => viewWindows(k, selection, today));
  const reads = kpis.flatMap((k, i) => windows[i]!.read.map((window) => ({ kpiId: k.id, window })));
  const figures = await kpiWindowFigures(db, [...reads, ...also]);
  // Each KPI's three windows, in the order they were read; then what `also` asked for.
  const views = kpis.map((kpi, i) => viewOf(kpi, windows[i]!, figures.slice(i * 3, i * 3 + 3)));
  return { views, also: figures.slice(reads.length) };
}

/** One KPI's headline view (see kpiHeadlineViews). */
export async function kpiHeadlineView(db: Db, kpi: KpiDefinition, selection: PeriodSelection, today: string) {
  return (await kpiHeadlineViews(db, [kpi], selection, today)).views[0]!;
}

/** A series point as views show it: marked complete or running, and labelled in words. */
const seriesPoint = (kpi: KpiDefinition, today: string) => (p: KpiPoint) => ({
  ...p,
  complete: isComplete(periodWindow(p.periodStart, kpi.grain), today),
  label: periodLabel(p.periodStart, kpi.grain),
});

/** `kpi.results`: the headline view, the stored series with each period marked complete or not, and segments. */
export async function buildKpiResults(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  selection: PeriodSelection,
  opts: { now: Date; periods: number },
): Promise<KpiResults> {
  const { timeZone, today } = await organisationClock(db, organisationId, opts.now);
  const [view, stored, state] = await Promise.all([
    kpiHeadlineView(db, kpi, selection, today),
    listKpiResults(db, organisationId, kpi.id, { segment: '', limit: selection.kind === 'last_complete' ? opts.periods : 1_000 }),
    kpiRunStates(db, organisationId).then((states) => states.find((s) => s.kpiId === kpi.id)),
  ]);
  const bySegment = await segmentAggregates(db, kpi.id, view.window);
  const segments = [...bySegment]
    .map(([segment, total]) => ({ ...kpiValue(kpi.kind, total), periodStart: view.window.from, segment }))
    .sort((a, b) => a.segment.localeCompare(b.segment));
  // A chosen period or range shows the series up to its end, so the chart leads to what was picked.
  const series = stored
    .filter((p) => selection.kind === 'last_complete' || p.periodStart < view.window.to)
    .slice(-opts.periods)
    .map(seriesPoint(kpi, today));
  return {
    headline: view.headline,
    toDate: view.toDate,
    change: view.change,
    series,
    segments,
    lastRunAt: state?.lastRunAt.toISOString() ?? null,
    today,
    timeZone,
  };
}

/** The last complete period of each KPI given: the windows outcomes and the like are judged on. */
export function lastCompleteReads(kpis: readonly KpiDefinition[], today: string): (WindowRead & { periodStart: string })[] {
  return kpis.map((k) => {
    const periodStart = addPeriods(currentPeriodStart(k.grain, today), k.grain, -1);
    return { kpiId: k.id, periodStart, window: periodWindow(periodStart, k.grain) };
  });
}

/** The last complete period's figures for each KPI given (for outcomes and the like). */
export async function lastCompleteValues(db: Db, kpis: readonly KpiDefinition[], today: string) {
  const reads = lastCompleteReads(kpis, today);
  return lastCompleteByKpi(reads, await kpiWindowFigures(db, reads));
}

/** The figures of lastCompleteReads, by KPI. */
export function lastCompleteByKpi(reads: readonly (WindowRead & { periodStart: string })[], totals: readonly KpiAggregate[]) {
  return new Map(reads.map((r, i) => [r.kpiId, { total: totals[i]!, periodStart: r.periodStart }]));
}

/**
 * Every KPI's card in three statements however many KPIs there are (the windows' daily figures,
 * the latest stored periods of each, the run states), computed by the same functions as
 * `kpi.results`, so a card and its KPI's page never disagree.
 */
export async function buildKpiDashboard(
  db: Db,
  organisationId: string,
  kpis: readonly KpiDefinition[],
  selection: PeriodSelection,
  opts: { now: Date; periods: number },
): Promise<KpiCardResults[]> {
  if (kpis.length === 0) return [];
  const { timeZone, today } = await organisationClock(db, organisationId, opts.now);
  const last = selection.kind === 'last_complete' ? null : kpis.map((k) => selectedWindow(selection, k.grain, today).to);
  const [{ views }, stored, states] = await Promise.all([
    kpiHeadlineViews(db, kpis, selection, today),
    // Each KPI's latest stored periods (up to the chosen window's end), newest `periods` of them.
    sql<KpiPoint & { kpiId: string }>`
      SELECT "kpiId", "periodStart", segment, value, n, "ciLow", "ciHigh", method, "smallSample" FROM (
        SELECT r.kpi_id AS "kpiId", to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", r.segment, r.value, r.n, r.ci_low AS "ciLow",
               r.ci_high AS "ciHigh", r.method, r.small_sample AS "smallSample",
               row_number() OVER (PARTITION BY r.kpi_id ORDER BY r.period_start DESC) AS rank
        FROM kpi_result r
        JOIN (VALUES ${sql.join(kpis.map((k, i) => sql`(${k.id}::uuid, ${k.grain}::text, ${last?.[i] ?? '9999-12-31'}::date)`))}) AS k(id, grain, before)
          ON r.kpi_id = k.id AND r.grain = k.grain AND r.period_start < k.before
        WHERE r.organisation_id = ${organisationId}::uuid AND r.segment = ''
      ) ranked
      WHERE rank <= ${opts.periods}
      ORDER BY "kpiId", "periodStart"`.execute(db),
    kpiRunStates(db, organisationId),
  ]);
  return kpis.map((kpi, i) => {
    const view = views[i]!;
    const series = stored.rows.filter((p) => p.kpiId === kpi.id).map(({ kpiId: _kpiId, ...p }) => seriesPoint(kpi, today)(p));
    return {
      kpiId: kpi.id,
      headline: view.headline,
      toDate: view.toDate,
      change: view.change,
      series,
      lastRunAt: states.find((s) => s.kpiId === kpi.id)?.lastRunAt.toISOString() ?? null,
      today,
      timeZone,
    };
  });
}

/**
 * A fingerprint of everything stored that a KPI view reads, with the organisation's zone: it
 * moves when a KPI is defined, edited or removed, when any run stores results (each run has an
 * id of its own, so runs committing out of order still move it), and when the zone changes
 * (which clears the run states). A view built at one fingerprint, for the same day in that
 * zone, is the view at any later moment with the same fingerprint.
 */
export async function kpiViewVersion(db: Db, organisationId: string): Promise<{ timeZone: string; version: string }> {
  const row = await sql<{ timeZone: string; version: string }>`
    SELECT o.time_zone AS "timeZone",
           coalesce((SELECT md5(string_agg(k.id::text || ':' || k.version || ':' || coalesce(s.last_run_id::text, '-'), ',' ORDER BY k.id))
                       FROM kpi k LEFT JOIN kpi_run_state s ON s.kpi_id = k.id
                      WHERE k.organisation_id = o.id), '') AS version
    FROM organisation o
    WHERE o.id = ${organisationId}::uuid`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return row;
}
