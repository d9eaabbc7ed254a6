import { ZRolloutPlan } from '@throughline/domain';
import type { Db } from '../database.ts';
import { DEMO_FAILURE_POINTS, DEMO_INITIATIVES, DEMO_INSIGHTS, DEMO_OUTCOMES, type DemoRollout } from './demo-value-delivery.ts';
import type { JourneyKey } from './demo-model.types.ts';
import { DEMO_SYSTEMS, DEMO_TEAMS } from './demo-organisation.ts';

const DAY_MS = 86_400_000;

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: unknown ${what} ${String(key)}`);
  return value;
}

/** Failure points, insights, outcomes and initiatives (with their funding decisions), dated from `now`. */
export async function insertValueAndDelivery(
  db: Db,
  org: string,
  journeyIds: Record<JourneyKey, string>,
  stepIdOf: (key: string) => string,
  now: Date,
): Promise<number> {
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
  const [teams, systems, kpis] = await Promise.all([
    db.selectFrom('team').select(['id', 'name']).where('organisation_id', '=', org).execute(),
    db.selectFrom('system').select(['id', 'name']).where('organisation_id', '=', org).execute(),
    db.selectFrom('kpi').select(['id', 'key']).where('organisation_id', '=', org).execute(),
  ]);
  const teamByName = new Map(teams.map((t) => [t.name, t.id]));
  const teamOf = (key: string) => must(teamByName, must(new Map(DEMO_TEAMS.map((t) => [t.key, t.name])), key, 'team'), 'team');
  const systemByName = new Map(systems.map((s) => [s.name, s.id]));
  const systemOf = (key: string) =>
    must(systemByName, must(new Map(DEMO_SYSTEMS.map((s) => [s.key as string, s.name])), key, 'system'), 'system');
  const kpiByKey = new Map(kpis.map((k) => [k.key, k.id]));
  const kpiOf = (key: string) => must(kpiByKey, key, 'KPI');
  const journeyOfStep = (step: string) => journeyIds[step.split('.')[0] as JourneyKey];
  let rows = 0;

  const fpIds = new Map<string, string>();
  for (const { key, step, kpis: fpKpis, ...f } of DEMO_FAILURE_POINTS) {
    const { id } = await db
      .insertInto('failure_point')
      .values({
        organisation_id: org,
        journey_id: journeyOfStep(step),
        step_id: stepIdOf(step),
        title: f.title,
        description: f.description,
        expectation: f.expectation,
        capability: f.capability,
        frequency: f.frequency,
        frequency_period: f.frequencyPeriod,
        cost_basis: f.costBasis,
        unit_cost: f.unitCost,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fpIds.set(key, id);
    await db
      .insertInto('failure_point_kpi')
      .values(fpKpis.map((k) => ({ organisation_id: org, failure_point_id: id, kpi_id: kpiOf(k) })))
      .execute();
    rows += 1 + fpKpis.length;
  }

  const outcomeIds = new Map<string, string>();
  const outcomeRows = await db
    .insertInto('outcome')
    .values(
      DEMO_OUTCOMES.map((o) => ({
        organisation_id: org,
        journey_id: journeyIds[o.journey],
        kpi_id: kpiOf(o.kpi),
        title: o.title,
        baseline: o.baseline,
        target: o.target,
        by_date: day(o.dueInDays),
        // Set at the start of the year's plan, so "on track" measures the time since.
        created_at: new Date(now.getTime() - 200 * DAY_MS),
      })),
    )
    .returning(['id', 'title'])
    .execute();
  for (const o of DEMO_OUTCOMES) outcomeIds.set(o.key, must(new Map(outcomeRows.map((r) => [r.title, r.id])), o.title, 'outcome'));
  rows += outcomeRows.length;

  const initiativeIds = new Map<string, string>();
  for (const i of DEMO_INITIATIVES) {
    const { id } = await db
      .insertInto('initiative')
      .values({
        organisation_id: org,
        title: i.title,
        journey_id: journeyIds[i.journey],
        team_id: teamOf(i.team),
        problem: i.problem,
        hypothesis: i.hypothesis,
        stage: i.stage,
        one_off_business: i.cost.oneOffBusiness,
        one_off_technology: i.cost.oneOffTechnology,
        running_business: i.cost.runningBusiness,
        running_technology: i.cost.runningTechnology,
        it_effort_days: i.cost.itEffortDays,
        kpi_id: i.kpi ? kpiOf(i.kpi) : null,
        expected_uplift: i.expectedUplift,
        uplift_confidence: i.upliftConfidence,
        people_to_train: i.adoption?.peopleToTrain ?? 0,
        people_trained: i.adoption?.peopleTrained ?? 0,
        usage_measure: i.adoption?.usageMeasure ?? '',
        usage_value: i.adoption?.usageValue ?? null,
        delivery_start_on: i.deliveryStartDaysAgo === undefined ? null : day(-i.deliveryStartDaysAgo),
        implemented_on: i.implementedDaysAgo === undefined ? null : day(-i.implementedDaysAgo),
        change_summary: i.changeSummary ?? '',
        spent_business: i.spent?.business ?? 0,
        spent_technology: i.spent?.technology ?? 0,
        funding_approver: i.funding?.approver ?? null,
        funded_on: i.funding ? day(-i.funding.daysAgo) : null,
        measured_on: i.measuredDaysAgo === undefined ? null : day(-i.measuredDaysAgo),
        created_at: new Date(now.getTime() - (i.funding ? i.funding.daysAgo + 30 : 20) * DAY_MS),
        ...(i.rollout && { rollout_plan: JSON.stringify(rolloutPlan(i.rollout, day)) }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    initiativeIds.set(i.key, id);
    const links = { organisation_id: org, initiative_id: id };
    if (i.failurePoints.length)
      await db
        .insertInto('initiative_failure_point')
        .values(i.failurePoints.map((f) => ({ ...links, failure_point_id: must(fpIds, f, 'failure point') })))
        .execute();
    if (i.outcomes.length)
      await db
        .insertInto('initiative_outcome')
        .values(i.outcomes.map((o) => ({ ...links, outcome_id: must(outcomeIds, o, 'outcome') })))
        .execute();
    if (i.systems.length)
      await db
        .insertInto('initiative_system')
        .values(i.systems.map((s) => ({ ...links, system_id: systemOf(s) })))
        .execute();
    if (i.funding) {
      const amount = i.cost.oneOffBusiness + i.cost.oneOffTechnology + i.cost.runningBusiness + i.cost.runningTechnology;
      await db
        .insertInto('decision')
        .values({
          organisation_id: org,
          subject_type: 'initiative',
          subject_id: id,
          summary: `Funding of “${i.title}” (£${amount.toLocaleString('en-GB')})`,
          outcome: 'funded',
          reason: i.funding.reason,
          decided_by: i.funding.by,
          decided_by_body: i.funding.approver,
          decided_at: new Date(now.getTime() - i.funding.daysAgo * DAY_MS),
        })
        .execute();
      rows += 1;
    }
    rows += 1 + i.failurePoints.length + i.outcomes.length + i.systems.length;
  }

  for (const { daysAgo, journeys, steps, failurePoints, initiatives, ...insight } of DEMO_INSIGHTS) {
    const { id } = await db
      .insertInto('insight')
      .values({ organisation_id: org, ...insight, observed_on: day(-daysAgo) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const none = { journey_id: null, step_id: null, failure_point_id: null, initiative_id: null };
    const links = [
      ...journeys.map((j) => ({ ...none, journey_id: journeyIds[j] })),
      ...steps.map((s) => ({ ...none, step_id: stepIdOf(s) })),
      ...failurePoints.map((f) => ({ ...none, failure_point_id: must(fpIds, f, 'failure point') })),
      ...initiatives.map((i) => ({ ...none, initiative_id: must(initiativeIds, i, 'initiative') })),
    ];
    await db
      .insertInto('insight_link')
      .values(links.map((l) => ({ organisation_id: org, insight_id: id, ...l })))
      .execute();
    rows += 1 + links.length;
  }
  return rows;
}

/** The plan with its waves dated, checked as the API would check it. */
function rolloutPlan(r: DemoRollout, day: (offsetDays: number) => string) {
  return ZRolloutPlan.parse({
    mode: r.waves.length > 0 ? 'waves' : 'all_at_once',
    dimension: r.dimension,
    waves: r.waves.map((w) => ({ scopes: w.scopes, startsOn: day(-w.daysAgo) })),
    holdout: r.holdout,
  });
}
