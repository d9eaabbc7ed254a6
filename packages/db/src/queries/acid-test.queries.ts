import { sql } from 'kysely';
import {
  ACID_TEST_WINDOW_DAYS,
  acidTestWindows,
  chooseDesign,
  differenceInDifferences,
  interruptedTimeSeries,
  estimateMovement,
  beforeAfterEstimate,
  BEFORE_AFTER_EXPLANATION,
  type RolloutGroup,
  type RolloutPlan,
  type WeekFigure,
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
import { kpiDaysByGroup } from './kpi-engine.queries.ts';
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

/** How many weeks after a change (or each wave) the designs look at: the acid test's 90 days. */
const WEEKS_AFTER = 13;
/** How far back the designs read: two years lets the time series learn the season. */
const WEEKS_BEFORE = 104;
const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
/** The Monday of the day's week. */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Daily figures summed into whole weeks (Monday to Sunday), each week's value by the KPI's own rule. */
function weeksOf(kpi: KpiDefinition, days: readonly { day: string; figures: KpiAggregate }[]): WeekFigure[] {
  const byWeek = new Map<string, KpiAggregate>();
  for (const d of days) {
    const week = mondayOf(d.day);
    byWeek.set(week, addAggregates(byWeek.get(week) ?? EMPTY_AGGREGATE, d.figures));
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, a]) => ({ weekStart, n: a.n, value: a.n === 0 ? null : kpiValue(kpi.kind, a).value }));
}

interface MeasureContext {
  organisationId: string;
  today: string;
  timeZone: string;
  implementedOn: string;
  rollout: RolloutPlan;
  journeyId: string;
  /** Names for the rollout's groups (segment and channel names are themselves; steps by name). */
  scopeName: (scope: string) => string;
  comparisonName: string | null;
}

/**
 * The groups a difference in differences compares: each wave from its date, the holdout and a
 * comparison journey or step never. Customers whose group the data does not say are left out.
 */
async function rolloutGroups(db: Db, kpi: KpiDefinition, c: MeasureContext, from: string, to: string): Promise<RolloutGroup[]> {
  const { rollout } = c;
  const groups: RolloutGroup[] = [];
  if (rollout.dimension && (rollout.waves.length > 0 || rollout.holdout.length > 0)) {
    const days = await kpiDaysByGroup(db, c.organisationId, kpi, { from, to, timeZone: c.timeZone, by: rollout.dimension });
    const of = (scopes: readonly string[]) => days.filter((d) => d.group !== null && scopes.includes(d.group));
    const waves =
      rollout.waves.length > 0
        ? rollout.waves
        : // All at once except the holdout: everyone else is reached on the implementation date.
          [
            {
              startsOn: c.implementedOn,
              scopes: [...new Set(days.flatMap((d) => (d.group && !rollout.holdout.includes(d.group) ? [d.group] : [])))],
            },
          ];
    waves.forEach((wave, w) =>
      groups.push({
        key: `wave-${w + 1}`,
        label: rollout.waves.length > 0 ? `Wave ${w + 1} (${wave.scopes.map(c.scopeName).join(', ')})` : 'Everyone reached',
        startsOn: wave.startsOn,
        weeks: weeksOf(kpi, of(wave.scopes)),
      }),
    );
    if (rollout.holdout.length > 0)
      groups.push({
        key: 'holdout',
        label: `Holdout (${rollout.holdout.map(c.scopeName).join(', ')})`,
        startsOn: null,
        weeks: weeksOf(kpi, of(rollout.holdout)),
      });
  }
  if (rollout.comparison) {
    const scope: KpiDefinition['scope'] = rollout.comparison.stepId
      ? { level: 'step', journeyId: rollout.comparison.journeyId, stepId: rollout.comparison.stepId }
      : { level: 'journey', journeyId: rollout.comparison.journeyId };
    const ownScope: KpiDefinition['scope'] = kpi.scope.level === 'organisation' ? { level: 'journey', journeyId: c.journeyId } : kpi.scope;
    const [own, other] = await Promise.all([
      groups.length > 0 ? null : kpiDaysByGroup(db, c.organisationId, kpi, { from, to, timeZone: c.timeZone, by: null, scope: ownScope }),
      kpiDaysByGroup(db, c.organisationId, kpi, { from, to, timeZone: c.timeZone, by: null, scope }),
    ]);
    if (own) groups.push({ key: 'treated', label: 'Where the change was made', startsOn: c.implementedOn, weeks: weeksOf(kpi, own) });
    groups.push({ key: 'comparison', label: c.comparisonName ?? 'Comparison journey', startsOn: null, weeks: weeksOf(kpi, other) });
  }
  return groups;
}

/**
 * One KPI judged three ways — difference in differences against customers the change has not
 * reached, an interrupted time series with the season, and the naive before vs after — with the
 * verdict taken from the strongest design the data allows. Only whole weeks are read: the week
 * in progress is partial.
 */
export async function measureKpi(db: Db, kpi: KpiDefinition, c: MeasureContext): Promise<AcidTestKpi> {
  const w = acidTestWindows(c.implementedOn, (await lastDataDay(db, kpi.id)) ?? c.today);
  const lastWeekEnd = addDays(mondayOf(c.today), -1);
  const lastStart = c.rollout.waves.at(-1)?.startsOn ?? c.implementedOn;
  const firstStart = c.rollout.waves[0]?.startsOn ?? c.implementedOn;
  const from = addDays(mondayOf(firstStart < c.implementedOn ? firstStart : c.implementedOn), -7 * WEEKS_BEFORE);
  const lastAfter = addDays(mondayOf(lastStart), 7 * (WEEKS_AFTER + 1) - 1);
  const to = lastAfter < lastWeekEnd ? lastAfter : lastWeekEnd;
  const [before, after, overall, groups] = await Promise.all([
    windowAggregate(db, kpi.id, w.before.from, w.before.to),
    windowAggregate(db, kpi.id, w.after.from, w.after.to),
    kpiDaysByGroup(db, c.organisationId, kpi, { from, to, timeZone: c.timeZone, by: null }),
    rolloutGroups(db, kpi, c, from, to),
  ]);
  const side = (range: { from: string; to: string }, a: KpiAggregate) => {
    if (a.n === 0) return { ...range, value: null, n: 0, ciLow: null, ciHigh: null };
    const v = kpiValue(kpi.kind, a);
    return { ...range, value: v.value, n: v.n, ciLow: v.ciLow, ciHigh: v.ciHigh };
  };
  const change = before.n > 0 && after.n > 0 ? compareKpi(kpi.kind, before, after, kpi.minSample) : null;
  const naiveMovement = classifyMovement(change, before.n, after.n, kpi.direction, kpi.minSample);
  const interval = change ? differenceInterval(change) : null;
  const sentence =
    naiveMovement === 'insufficient_data'
      ? `Too little data to judge (n = ${before.n} before, ${after.n} after).`
      : change
        ? describeChange(change, changeUnit(kpi.kind, kpi.unit), { before: before.n, after: after.n }, kpi.minSample)
        : 'This kind of KPI has no significance test; compare the values.';
  // The naive comparison counts only when both sides reach the KPI's minimum sample.
  const naive =
    change && naiveMovement !== 'insufficient_data'
      ? beforeAfterEstimate(
          change,
          Math.round(ACID_TEST_WINDOW_DAYS / 7),
          Math.round((Date.parse(w.after.to) - Date.parse(w.after.from)) / (7 * DAY_MS)),
        )
      : null;
  const did =
    groups.length >= 2
      ? differenceInDifferences(groups, { windowWeeksAfter: WEEKS_AFTER })
      : {
          insufficient:
            c.rollout.mode === 'waves'
              ? 'The rollout has one wave and no holdout or comparison journey: nobody is left to compare with.'
              : 'The change reached everyone at once, with no holdout or comparison journey: nobody is left to compare with.',
        };
  const its = interruptedTimeSeries(weeksOf(kpi, overall), c.implementedOn, { windowWeeksAfter: WEEKS_AFTER });
  const choice = chooseDesign(did, its, naive);
  const decided = choice.decided;
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
    sentence,
    design: choice.design,
    designReason: choice.reason,
    effect: decided?.effect ?? null,
    effectLow: decided?.low ?? null,
    effectHigh: decided?.high ?? null,
    movement: choice.design === 'before_after' ? naiveMovement : estimateMovement(decided, kpi.direction),
    differenceInDifferences: 'insufficient' in did ? null : did,
    differenceInDifferencesMissing: 'insufficient' in did ? did.insufficient : null,
    interruptedTimeSeries: 'insufficient' in its ? null : its,
    interruptedTimeSeriesMissing: 'insufficient' in its ? its.insufficient : null,
    beforeAfterExplanation: BEFORE_AFTER_EXPLANATION,
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
  const { timeZone } = await db
    .selectFrom('organisation')
    .select('time_zone as timeZone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const names = await scopeNames(db, organisationId);
  const outcomeKpis = await db.selectFrom('outcome').select(['id', 'kpi_id']).where('organisation_id', '=', organisationId).execute();
  const kpiOfOutcome = new Map(outcomeKpis.map((o) => [o.id, o.kpi_id]));
  const proposals = await db.selectFrom('change_proposal').select(['id', 'title']).where('organisation_id', '=', organisationId).execute();
  const entries: AcidTestEntry[] = [];
  for (const i of initiatives) {
    const kpiIds = [...new Set([i.kpiId, ...i.outcomeIds.map((o) => kpiOfOutcome.get(o))].filter((x): x is string => !!x))];
    const measured = await Promise.all(
      kpiIds.flatMap((id) =>
        kpis.has(id)
          ? [
              measureKpi(db, kpis.get(id)!, {
                organisationId,
                today,
                timeZone,
                implementedOn: i.implementedOn!,
                rollout: i.rollout,
                journeyId: i.journeyId,
                scopeName: (scope) => (i.rollout.dimension === 'step' ? (names.steps.get(scope) ?? scope) : scope),
                comparisonName: i.rollout.comparison
                  ? (i.rollout.comparison.stepId && names.steps.get(i.rollout.comparison.stepId)) ||
                    names.journeys.get(i.rollout.comparison.journeyId) ||
                    null
                  : null,
              }),
            ]
          : [],
      ),
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

/** Journey and step names, for labelling the groups a rollout compares. */
async function scopeNames(db: Db, organisationId: string) {
  const [journeys, steps] = await Promise.all([
    db.selectFrom('journey').select(['id', 'name']).where('organisation_id', '=', organisationId).execute(),
    db.selectFrom('journey_step').select(['id', 'name']).where('organisation_id', '=', organisationId).execute(),
  ]);
  return { journeys: new Map(journeys.map((j) => [j.id, j.name])), steps: new Map(steps.map((x) => [x.id, x.name])) };
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
