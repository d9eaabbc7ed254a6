import { changeUnit, compareKpi, describeChange, valueAtStake, type Scorecard, type ScorecardJourney } from '@throughline/domain';
import type { Db } from '../database.ts';
import { listFailurePoints } from './failure-point.queries.ts';
import { listInitiatives } from './initiative.queries.ts';
import { listKpis } from './kpi.queries.ts';
import { listKpiResults, periodAggregates } from './kpi-result.queries.ts';
import { listOutcomes } from './outcome.queries.ts';
import { kpiValueLinks } from './value-estimate.queries.ts';

type ScorecardKpi = ScorecardJourney['kpis'][number];

/** A movement of a count, sum, ratio or quantile, which carry no significance test: "down £79,983". */
export function untestedChange(difference: number, unit: string): string {
  const size = Math.abs(difference);
  const amount = unit === '£' ? `£${Math.round(size).toLocaleString('en-GB')}` : `${size.toLocaleString('en-GB', { maximumFractionDigits: 1 })}${unit ? ` ${unit}` : ''}`;
  return difference === 0 ? 'unchanged (no significance test for this kind)' : `${difference > 0 ? 'up' : 'down'} ${amount} (no significance test for this kind)`;
}

/**
 * The executive scorecard, per journey: who owns it, its KPIs against target with trend and
 * confidence, what closing the gaps is worth, where it fails most expensively, what the backlog
 * promises and what has been delivered.
 */
export async function buildScorecard(db: Db, organisationId: string, now: Date): Promise<Scorecard> {
  const today = now.toISOString().slice(0, 10);
  const [org, journeys, owners, kpis, links, initiatives, outcomes] = await Promise.all([
    db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow(),
    db.selectFrom('journey').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db
      .selectFrom('remit as r')
      .innerJoin('team as t', 't.id', 'r.team_id')
      .select(['r.journey_id', 't.name'])
      .where('r.organisation_id', '=', organisationId)
      .where('r.role', '=', 'accountable')
      .execute(),
    listKpis(db, organisationId),
    kpiValueLinks(db, organisationId),
    listInitiatives(db, organisationId),
    listOutcomes(db, organisationId, {}, today),
  ]);

  const kpiRow = async (k: (typeof kpis)[number]): Promise<ScorecardKpi> => {
    const series = await listKpiResults(db, organisationId, k.id, { segment: '', limit: 2 });
    const latest = series.at(-1) ?? null;
    const previous = series.at(-2) ?? null;
    let trend: ScorecardKpi['trend'] = null;
    if (latest && previous) {
      const sums = await periodAggregates(db, k.id, k.grain, [previous.periodStart, latest.periodStart]);
      const before = sums.get(previous.periodStart);
      const after = sums.get(latest.periodStart);
      const test = before && after ? compareKpi(k.kind, before, after) : null;
      if (test) trend = { difference: test.difference, significant: test.significant, sentence: describeChange(test, changeUnit(k.kind, k.unit), latest.n) };
      else trend = { difference: latest.value - previous.value, significant: false, sentence: untestedChange(latest.value - previous.value, k.unit) };
    }
    const link = links.get(k.id);
    const valuePerPoint = link?.entered ?? link?.modelled ?? null;
    const better = (v: number, t: number) => (k.direction === 'higher_is_better' ? v >= t : v <= t);
    return {
      kpiId: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      target: k.target,
      latest: latest ? { value: latest.value, n: latest.n, ciLow: latest.ciLow, ciHigh: latest.ciHigh, method: latest.method, smallSample: latest.smallSample, periodStart: latest.periodStart } : null,
      trend,
      standing: !latest ? 'no_data' : k.target === null ? 'no_target' : better(latest.value, k.target) ? 'on_target' : 'below_target',
      valuePerPoint,
      valueAtStake: valueAtStake(latest?.value ?? null, k.target, k.direction, valuePerPoint),
    };
  };

  const out: ScorecardJourney[] = [];
  for (const j of journeys) {
    const journeyKpis = await Promise.all(kpis.filter((k) => k.scope.level !== 'organisation' && k.scope.journeyId === j.id).map(kpiRow));
    const mine = initiatives.filter((i) => i.journeyId === j.id);
    const backlog = mine.filter((i) => i.stage !== 'implemented' && i.stage !== 'measured');
    const journeyOutcomes = outcomes.filter((o) => o.journeyId === j.id);
    const failurePoints = await listFailurePoints(db, organisationId, { journeyId: j.id });
    out.push({
      journeyId: j.id,
      journeyName: j.name,
      owner: owners.find((o) => o.journey_id === j.id)?.name ?? null,
      kpis: journeyKpis,
      valueAtStake: journeyKpis.reduce((sum, k) => sum + (k.valueAtStake ?? 0), 0),
      topFailurePoints: failurePoints.slice(0, 3).map((f) => ({ id: f.id, title: f.title, stepName: f.stepName, annualCost: f.annualCost })),
      backlog: { initiatives: backlog.length, annualValue: backlog.reduce((sum, i) => sum + (i.figures.annualValue ?? 0), 0) },
      delivered: {
        implemented: mine.length - backlog.length,
        outcomesAchieved: journeyOutcomes.filter((o) => o.status === 'achieved').length,
        outcomes: journeyOutcomes.length,
      },
      outcomes: journeyOutcomes.map((o) => ({ title: o.title, target: o.target, current: o.current, status: o.status, byDate: o.byDate })),
    });
  }
  return { organisationName: org.name, generatedAt: now.toISOString(), journeys: out };
}
