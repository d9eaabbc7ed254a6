import { isJudged, periodLabel, valueAtStake, windowLabel, type PeriodSelection, type Scorecard, type ScorecardJourney, type ScorecardKpi } from '@throughline/domain';
import type { Db } from '../database.ts';
import { listFailurePoints } from './failure-point.queries.ts';
import { listInitiatives } from './initiative.queries.ts';
import { listKpis } from './kpi.queries.ts';
import { kpiHeadlineView, organisationClock } from './kpi-view.queries.ts';
import { listOutcomes } from './outcome.queries.ts';
import { kpiValueLinks } from './value-estimate.queries.ts';

/** The scorecard's period in words: the default, one period, or the chosen range. */
function selectionLabel(selection: PeriodSelection): string {
  if (selection.kind === 'last_complete') return 'Last complete period of each KPI';
  if (selection.kind === 'period') return `The period holding ${periodLabel(selection.start, 'day')} for each KPI`;
  const to = new Date(Date.parse(`${selection.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return windowLabel({ from: selection.from, to }, 'day');
}

/**
 * The executive scorecard, per journey: who owns it, its KPIs against target (each on its last
 * complete period unless another is chosen) with trend and confidence, what closing the gaps is
 * worth, where it fails most expensively, what the backlog promises and what has been delivered.
 */
export async function buildScorecard(db: Db, organisationId: string, now: Date, selection: PeriodSelection = { kind: 'last_complete' }): Promise<Scorecard> {
  const { timeZone, today } = await organisationClock(db, organisationId, now);
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
    listOutcomes(db, organisationId, {}, now),
  ]);

  const kpiRow = async (k: (typeof kpis)[number]): Promise<ScorecardKpi> => {
    const { window, headline, change, toDate } = await kpiHeadlineView(db, k, selection, today);
    const link = links.get(k.id);
    const valuePerPoint = link?.entered ?? link?.modelled ?? null;
    const source = link?.entered != null ? 'entered' : link?.modelled != null ? link.modelledMethod : null;
    // Only a complete window that reaches the minimum sample puts money at stake: a partial month or
    // a handful of answers would swing it daily.
    const stake = headline.complete && isJudged(headline.status) ? valueAtStake(headline.value!.value, k.target, k.direction, valuePerPoint) : null;
    return {
      kpiId: k.id,
      name: k.name,
      unit: k.unit,
      kind: k.kind,
      direction: k.direction,
      target: k.target,
      minSample: k.minSample,
      period: { from: window.from, to: window.to, label: window.label, complete: window.complete },
      latest: headline.value ? { ...headline.value, periodStart: window.from } : null,
      toDate: toDate ? { label: toDate.label, value: toDate.value.value, n: toDate.value.n } : null,
      trend: change ? { difference: change.difference, significant: change.significant, tested: change.tested, method: change.method, sentence: change.description } : null,
      status: headline.status,
      statusLabel: headline.statusLabel,
      valuePerPoint,
      valuePerPointSource: source,
      valuePerPointDivergence: source === 'entered' ? (link?.divergence ?? null) : null,
      valueAtStake: stake,
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
  return { organisationName: org.name, generatedAt: now.toISOString(), periodLabel: selectionLabel(selection), today, timeZone, journeys: out };
}
