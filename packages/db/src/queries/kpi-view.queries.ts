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
  type KpiDefinition,
  type KpiResults,
  type PeriodSelection,
  type PeriodWindow,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { kpiRunStates, listKpiResults } from './kpi-result.queries.ts';

/** The organisation's clock: its time zone and the date it is there now. */
export async function organisationClock(db: Db, organisationId: string, now: Date): Promise<{ timeZone: string; today: string }> {
  const { time_zone: timeZone } = await db.selectFrom('organisation').select('time_zone').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return { timeZone, today: dayIn(timeZone, now) };
}

const dayAggregate = (r: { n: number; positives: number; negatives: number; sum: number; sum_squares: number; denominator: number; samples: number[] }): KpiAggregate => ({
  n: r.n,
  positives: r.positives,
  negatives: r.negatives,
  sum: r.sum,
  sumSquares: r.sum_squares,
  denominator: r.denominator,
  samples: r.samples,
});

/**
 * Each window's summed daily figures (all segments together, or one segment), in one query:
 * any period or range is the sum of its days, by the same formulas as the stored results.
 */
export async function windowAggregates(db: Db, kpiId: string, windows: readonly PeriodWindow[], segment = ''): Promise<KpiAggregate[]> {
  if (windows.length === 0) return [];
  const values = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.from}::date, ${w.to}::date)`));
  const { rows } = await sql<{ i: number; n: number; positives: number; negatives: number; sum: number; sum_squares: number; denominator: number; samples: number[] }>`
    SELECT w.i, d.n, d.positives, d.negatives, d.sum, d.sum_squares, d.denominator, d.samples
    FROM (VALUES ${values}) AS w(i, f, t)
    JOIN kpi_day d ON d.kpi_id = ${kpiId}::uuid AND d.segment = ${segment} AND d.day >= w.f AND d.day < w.t`.execute(db);
  return windows.map((_, i) => sumAggregates(rows.filter((r) => r.i === i).map(dayAggregate)));
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

/**
 * What every view of a KPI leads with: the selected window (the last complete period unless
 * another is chosen) with its value and status, the change from the window before, and the
 * period still running as "to date" beside it.
 */
export async function kpiHeadlineView(db: Db, kpi: KpiDefinition, selection: PeriodSelection, today: string) {
  const window = selectedWindow(selection, kpi.grain, today);
  const current = periodWindow(currentPeriodStart(kpi.grain, today), kpi.grain);
  const [total, before, running] = await windowAggregates(db, kpi.id, [window, window.previous, current]);
  const previousLabel = selectedWindow(selection.kind === 'range' ? { kind: 'range', from: window.previous.from, to: addDaysBefore(window.previous.to) } : { kind: 'period', start: window.previous.from }, kpi.grain, today).label;
  const headline = kpiHeadline(kpi, window, total!);
  const change = kpiChange(kpi, { window: { from: window.previous.from, label: previousLabel }, total: before! }, { window, total: total! });
  const showsCurrent = window.from === current.from && window.to === current.to;
  const toDate = running!.n > 0 && !showsCurrent ? { periodStart: current.from, label: `${periodLabel(current.from, kpi.grain)} (to date)`, value: kpiValue(kpi.kind, running!) } : null;
  return { window, headline, change, toDate };
}

const addDaysBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** `kpi.results`: the headline view, the stored series with each period marked complete or not, and segments. */
export async function buildKpiResults(db: Db, organisationId: string, kpi: KpiDefinition, selection: PeriodSelection, opts: { now: Date; periods: number }): Promise<KpiResults> {
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
    .map((p) => ({ ...p, complete: isComplete(periodWindow(p.periodStart, kpi.grain), today), label: periodLabel(p.periodStart, kpi.grain) }));
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

/** The last complete period's figures for each KPI given (for outcomes and the like). */
export async function lastCompleteValues(db: Db, kpis: readonly KpiDefinition[], today: string) {
  const out = new Map<string, { total: KpiAggregate; periodStart: string }>();
  await Promise.all(
    kpis.map(async (k) => {
      const start = addPeriods(currentPeriodStart(k.grain, today), k.grain, -1);
      const [total] = await windowAggregates(db, k.id, [periodWindow(start, k.grain)]);
      out.set(k.id, { total: total!, periodStart: start });
    }),
  );
  return out;
}
