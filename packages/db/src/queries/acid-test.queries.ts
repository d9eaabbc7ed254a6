import { sql } from 'kysely';
import {
  acidTestWindows,
  addAggregates,
  changeUnit,
  classifyMovement,
  compareKpi,
  describeChange,
  differenceInterval,
  EMPTY_AGGREGATE,
  initiativeVerdict,
  notFound,
  kpiValue,
  type AcidTestEntry,
  type AcidTestKpi,
  type KpiAggregate,
  type KpiDefinition,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { listFailurePoints } from './failure-point.queries.ts';
import { listInitiatives } from './initiative.queries.ts';
import { searchInsights } from './insight.queries.ts';
import { listKpis } from './kpi.queries.ts';

/** The summed daily figures of a KPI over [from, to], all segments together. */
async function windowAggregate(db: Db, kpiId: string, from: string, to: string): Promise<KpiAggregate> {
  const rows = await db
    .selectFrom('kpi_day')
    .select(['n', 'positives', 'negatives', 'sum', 'sum_squares', 'denominator', 'samples'])
    .where('kpi_id', '=', kpiId)
    .where('segment', '=', '')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.reduce<KpiAggregate>(
    (acc, r) =>
      addAggregates(acc, {
        n: r.n,
        positives: r.positives,
        negatives: r.negatives,
        sum: r.sum,
        sumSquares: r.sum_squares,
        denominator: r.denominator,
        samples: r.samples,
      }),
    EMPTY_AGGREGATE,
  );
}

async function lastDataDay(db: Db, kpiId: string): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_day')
    .select(sql<string | null>`to_char(max(day), 'YYYY-MM-DD')`.as('day'))
    .where('kpi_id', '=', kpiId)
    .executeTakeFirst();
  return row?.day ?? null;
}

const scopeLabel = (k: KpiDefinition) => k.scope.level;

/** One KPI before vs after the implementation date, at the KPI's own scope. */
export async function measureAcrossDate(db: Db, kpi: KpiDefinition, implementedOn: string, today: string): Promise<AcidTestKpi> {
  const w = acidTestWindows(implementedOn, (await lastDataDay(db, kpi.id)) ?? today);
  const [before, after] = await Promise.all([
    windowAggregate(db, kpi.id, w.before.from, w.before.to),
    windowAggregate(db, kpi.id, w.after.from, w.after.to),
  ]);
  const side = (range: { from: string; to: string }, a: KpiAggregate) => {
    if (a.n === 0) return { ...range, value: null, n: 0, ciLow: null, ciHigh: null };
    const v = kpiValue(kpi.kind, a);
    return { ...range, value: v.value, n: v.n, ciLow: v.ciLow, ciHigh: v.ciHigh };
  };
  const change = before.n > 0 && after.n > 0 ? compareKpi(kpi.kind, before, after, kpi.minSample) : null;
  const movement = classifyMovement(change, before.n, after.n, kpi.direction, kpi.minSample);
  const interval = change ? differenceInterval(change) : null;
  const sentence =
    movement === 'insufficient_data'
      ? `Too little data to judge (n = ${before.n} before, ${after.n} after).`
      : change
        ? describeChange(change, changeUnit(kpi.kind, kpi.unit), { before: before.n, after: after.n }, kpi.minSample)
        : 'This kind of KPI has no significance test; compare the values.';
  return {
    kpiId: kpi.id,
    kpiName: kpi.name,
    unit: kpi.unit,
    scope: scopeLabel(kpi),
    direction: kpi.direction,
    before: side(w.before, before),
    after: side(w.after, after),
    difference: change?.difference ?? null,
    differenceLow: interval?.low ?? null,
    differenceHigh: interval?.high ?? null,
    pValue: change?.tested ? change.pValue : null,
    movement,
    sentence,
  };
}

/**
 * The acid test: every implemented (or measured) initiative, its targeted KPIs before vs after
 * its implementation date, and the chain from insight to measured movement. Initiatives whose
 * KPIs did not move are listed with that verdict, never left out.
 */
export async function acidTest(db: Db, organisationId: string, today: string, only?: { initiativeId: string }): Promise<AcidTestEntry[]> {
  const all = await listInitiatives(db, organisationId, only ? { ids: [only.initiativeId] } : {});
  if (only && all.length === 0) throw notFound('Initiative');
  const initiatives = all.filter((i) => (i.stage === 'implemented' || i.stage === 'measured') && i.implementedOn);
  if (initiatives.length === 0) return [];
  const kpis = new Map((await listKpis(db, organisationId)).map((k) => [k.id, k]));
  const outcomeKpis = await db.selectFrom('outcome').select(['id', 'kpi_id']).where('organisation_id', '=', organisationId).execute();
  const kpiOfOutcome = new Map(outcomeKpis.map((o) => [o.id, o.kpi_id]));
  const proposals = await db.selectFrom('change_proposal').select(['id', 'title']).where('organisation_id', '=', organisationId).execute();
  const entries: AcidTestEntry[] = [];
  for (const i of initiatives) {
    const kpiIds = [...new Set([i.kpiId, ...i.outcomeIds.map((o) => kpiOfOutcome.get(o))].filter((x): x is string => !!x))];
    const measured = await Promise.all(
      kpiIds.flatMap((id) => (kpis.has(id) ? [measureAcrossDate(db, kpis.get(id)!, i.implementedOn!, today)] : [])),
    );
    const failurePoints = await listFailurePoints(db, organisationId, { ids: i.failurePointIds });
    const insightIds = (
      await db
        .selectFrom('insight_link')
        .select('insight_id')
        .distinct()
        .where('organisation_id', '=', organisationId)
        .where((eb) =>
          eb.or([eb('initiative_id', '=', i.id), ...(i.failurePointIds.length ? [eb('failure_point_id', 'in', i.failurePointIds)] : [])]),
        )
        .execute()
    ).map((r) => r.insight_id);
    const insights = await searchInsights(db, organisationId, { ids: insightIds, limit: 50 });
    entries.push({
      initiativeId: i.id,
      title: i.title,
      journeyName: i.journeyName,
      teamName: i.teamName,
      stage: i.stage,
      implementedOn: i.implementedOn!,
      insights: insights.map((x) => ({ id: x.id, title: x.title, source: x.source, observedOn: x.observedOn })),
      failurePoints: failurePoints.map((f) => ({ id: f.id, title: f.title, stepName: f.stepName, annualCost: f.annualCost })),
      change: { summary: i.changeSummary, proposalTitle: proposals.find((p) => p.id === i.changeProposalId)?.title ?? null },
      kpis: measured,
      verdict: initiativeVerdict(measured.map((m) => m.movement)),
    });
  }
  return entries.sort((a, b) => b.implementedOn.localeCompare(a.implementedOn));
}

/** Whether a KPI has any events on days after the date: the measured gate's evidence. */
export async function kpiHasDataAfter(db: Db, kpiId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('kpi_day')
    .select('kpi_id')
    .where('kpi_id', '=', kpiId)
    .where('day', '>', day)
    .where('n', '>', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
