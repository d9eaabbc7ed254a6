import {
  dayIn,
  isJudged,
  periodLabel,
  valueAtStake,
  windowLabel,
  type KpiDefinition,
  type PeriodSelection,
  type Scorecard,
  type ScorecardJourney,
  type ScorecardKpi,
  sumBenefits,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { listFailurePoints } from './failure-point.queries.ts';
import { listInitiatives } from './initiative.queries.ts';
import { listKpis } from './kpi.queries.ts';
import { kpiHeadlineViews, lastCompleteByKpi, lastCompleteReads } from './kpi-view.queries.ts';
import { judgeOutcomes, outcomeKpis, outcomeRows } from './outcome.queries.ts';
import { listValueEstimates, valueLinksOf } from './value-estimate.queries.ts';

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
 *
 * Nine statements however many journeys, KPIs, failure points, initiatives and outcomes there
 * are: the organisation, its journeys with their owners, KPIs, value estimates, initiatives with
 * their KPIs' recent volumes, outcomes and failure points, then every KPI window's daily figures at once (kpiHeadlineViews,
 * as `kpi.results` reads them, so a row and its KPI's page never disagree).
 */
export async function buildScorecard(
  db: Db,
  organisationId: string,
  now: Date,
  selection: PeriodSelection = { kind: 'last_complete' },
): Promise<Scorecard> {
  const [org, journeys, kpis, estimates, failurePoints, outcomes] = await Promise.all([
    db.selectFrom('organisation').select(['name', 'time_zone']).where('id', '=', organisationId).executeTakeFirstOrThrow(),
    db
      .selectFrom('journey as j')
      .leftJoin('remit as r', (join) => join.onRef('r.journey_id', '=', 'j.id').on('r.role', '=', 'accountable'))
      .leftJoin('team as t', 't.id', 'r.team_id')
      .select(['j.id', 'j.name', 't.name as owner'])
      .where('j.organisation_id', '=', organisationId)
      .orderBy('j.name')
      .execute(),
    listKpis(db, organisationId),
    listValueEstimates(db, organisationId),
    listFailurePoints(db, organisationId),
    outcomeRows(db, organisationId),
  ]);
  const today = dayIn(org.time_zone, now);
  const links = valueLinksOf(kpis, estimates);
  const journeyOf = (k: KpiDefinition) => (k.scope.level === 'organisation' ? null : k.scope.journeyId);
  const shown = kpis.filter((k) => journeys.some((j) => j.id === journeyOf(k)));
  const measuring = outcomeKpis(outcomes, kpis);
  const lastComplete = lastCompleteReads(measuring, today);
  const [initiatives, { views, also }] = await Promise.all([
    listInitiatives(db, organisationId, {}, { links }),
    kpiHeadlineViews(db, shown, selection, today, lastComplete),
  ]);
  const judged = judgeOutcomes(outcomes, measuring, lastCompleteByKpi(lastComplete, also), today);

  const kpiRow = (k: KpiDefinition, { window, headline, change, toDate }: (typeof views)[number]): ScorecardKpi => {
    const link = links.get(k.id);
    const valuePerPoint = link?.entered ?? link?.modelled ?? null;
    const source = link?.entered != null ? 'entered' : link?.modelled != null ? link.modelledMethod : null;
    // Only a complete window that reaches the minimum sample puts money at stake: a partial month or
    // a handful of answers would swing it daily.
    const stake =
      headline.complete && isJudged(headline.status) ? valueAtStake(headline.value!.value, k.target, k.direction, valuePerPoint) : null;
    return {
      kpiId: k.id,
      name: k.name,
      unit: k.unit,
      kind: k.kind,
      grain: k.grain,
      direction: k.direction,
      target: k.target,
      minSample: k.minSample,
      period: { from: window.from, to: window.to, label: window.label, complete: window.complete },
      latest: headline.value ? { ...headline.value, periodStart: window.from } : null,
      toDate: toDate ? { label: toDate.label, value: toDate.value.value, n: toDate.value.n } : null,
      trend: change
        ? {
            difference: change.difference,
            significant: change.significant,
            tested: change.tested,
            method: change.method,
            sentence: change.description,
          }
        : null,
      status: headline.status,
      statusLabel: headline.statusLabel,
      valuePerPoint,
      valuePerPointSource: source,
      valuePerPointDivergence: source === 'entered' ? (link?.divergence ?? null) : null,
      valueAtStake: stake,
    };
  };
  const rows = shown.map((k, i) => kpiRow(k, views[i]!));

  const out: ScorecardJourney[] = journeys.map((j) => {
    const journeyKpis = rows.filter((_, i) => journeyOf(shown[i]!) === j.id);
    const mine = initiatives.filter((i) => i.journeyId === j.id);
    const backlog = mine.filter((i) => i.stage !== 'implemented' && i.stage !== 'measured');
    const journeyOutcomes = judged.filter((o) => o.journeyId === j.id);
    // Ranked costliest first across the organisation, so each journey's share keeps that order.
    const journeyFailures = failurePoints.filter((f) => f.journeyId === j.id);
    return {
      journeyId: j.id,
      journeyName: j.name,
      owner: j.owner,
      kpis: journeyKpis,
      valueAtStake: journeyKpis.reduce((sum, k) => sum + (k.valueAtStake ?? 0), 0),
      topFailurePoints: journeyFailures
        .slice(0, 3)
        .map((f) => ({ id: f.id, title: f.title, stepName: f.stepName, annualCost: f.annualCost })),
      backlog: { initiatives: backlog.length, annualValue: backlog.reduce((sum, i) => sum + (i.figures.annualValue ?? 0), 0) },
      delivered: (() => {
        const benefits = sumBenefits(j.id, j.name, mine);
        return {
          implemented: mine.length - backlog.length,
          outcomesAchieved: journeyOutcomes.filter((o) => o.status === 'achieved').length,
          outcomes: journeyOutcomes.length,
          measured: benefits.measured,
          realisedAnnualValue: benefits.realisedAnnualValue,
          realisedLow: benefits.realisedLow,
          realisedHigh: benefits.realisedHigh,
          awaitingMeasurement: benefits.awaitingMeasurement,
        };
      })(),
      outcomes: journeyOutcomes.map((o) => ({ title: o.title, target: o.target, current: o.current, status: o.status, byDate: o.byDate })),
    };
  });
  return {
    organisationName: org.name,
    generatedAt: now.toISOString(),
    periodLabel: selectionLabel(selection),
    today,
    timeZone: org.time_zone,
    journeys: out,
  };
}
