import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { DemoStepRef } from './demo-event-context.ts';
import { DEMO_JOURNEYS, DEMO_POLICIES, DEMO_PROPOSALS, DEMO_REMITS } from './demo-governance.ts';
import { DEMO_KPIS } from './demo-kpis.ts';
import type { JourneyKey, SystemKey, TeamKey } from './demo-model.types.ts';
import { DEMO_ORGANISATION_NAME, DEMO_PEOPLE, DEMO_SYSTEMS, DEMO_TEAMS } from './demo-organisation.ts';

export interface SeededOperatingModel {
  organisationId: string;
  journeyIds: Record<JourneyKey, string>;
  steps: Map<string, DemoStepRef>;
  rows: number;
}

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: unknown ${what} ${String(key)}`);
  return value;
}

/** Inserts the organisation, its people and its operating model; a handful of statements. */
export async function insertOperatingModel(db: Db, slug: string, adminPasswordHash: string): Promise<SeededOperatingModel> {
  let rows = 0;
  const { id: org } = await db
    .insertInto('organisation')
    .values({ slug, name: DEMO_ORGANISATION_NAME, currency: 'GBP' })
    .returning('id')
    .executeTakeFirstOrThrow();
  rows += 1;

  // A user that already exists (from a deleted organisation) is reused, not overwritten.
  await db
    .insertInto('app_user')
    .values(DEMO_PEOPLE.map((p) => ({ email: p.email, display_name: p.displayName, password_hash: adminPasswordHash })))
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .execute();
  const users = await db
    .selectFrom('app_user')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql<boolean>`lower(email) = any(${DEMO_PEOPLE.map((p) => p.email.toLowerCase())}::text[])`)
    .execute();
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const userOf = (email: string) => must(userIds, email.toLowerCase(), 'user');
  await db
    .insertInto('member')
    .values(DEMO_PEOPLE.map((p) => ({ organisation_id: org, user_id: userOf(p.email), role: p.role })))
    .execute();
  rows += DEMO_PEOPLE.length * 2;

  const teams = await db
    .insertInto('team')
    .values(
      DEMO_TEAMS.map((t) => ({
        organisation_id: org,
        name: t.name,
        purpose: t.purpose,
        capabilities: t.capabilities,
        annual_budget: t.annualBudget,
        spending_authority: t.spendingAuthority,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const teamIdByName = new Map(teams.map((t) => [t.name, t.id]));
  const teamIds = new Map<TeamKey, string>(DEMO_TEAMS.map((t) => [t.key, must(teamIdByName, t.name, 'team')]));
  const teamOf = (key: TeamKey) => must(teamIds, key, 'team');
  const teamMembers = DEMO_PEOPLE.flatMap((p) =>
    p.teams.map((t) => ({ organisation_id: org, team_id: teamOf(t), user_id: userOf(p.email) })),
  );
  await db.insertInto('team_member').values(teamMembers).execute();
  rows += teams.length + teamMembers.length;

  const systems = await db
    .insertInto('system')
    .values(DEMO_SYSTEMS.map((s) => ({ organisation_id: org, name: s.name, description: s.description, owner_team_id: teamOf(s.owner) })))
    .returning(['id', 'name'])
    .execute();
  const systemIdByName = new Map(systems.map((s) => [s.name, s.id]));
  const systemIds = new Map<SystemKey, string>(DEMO_SYSTEMS.map((s) => [s.key, must(systemIdByName, s.name, 'system')]));
  rows += systems.length;

  const journeyIds = {} as Record<JourneyKey, string>;
  const steps = new Map<string, DemoStepRef>();
  const stepSystems: { organisation_id: string; step_id: string; system_id: string }[] = [];
  for (const journey of DEMO_JOURNEYS) {
    const { id: journeyId } = await db
      .insertInto('journey')
      .values({ organisation_id: org, name: journey.name, description: journey.description, personas: journey.personas })
      .returning('id')
      .executeTakeFirstOrThrow();
    journeyIds[journey.key] = journeyId;
    const stages = await db
      .insertInto('journey_stage')
      .values(journey.stages.map((s, position) => ({ organisation_id: org, journey_id: journeyId, name: s.name, position })))
      .returning(['id', 'position'])
      .execute();
    const stageIdAt = new Map(stages.map((s) => [s.position, s.id]));
    const stepRows = journey.stages.flatMap((stage, stagePosition) =>
      stage.steps.map((step, position) => ({
        organisation_id: org,
        journey_id: journeyId,
        stage_id: must(stageIdAt, stagePosition, 'stage position'),
        name: step.name,
        channel: step.channel,
        position,
        customer_action: step.customerAction,
        frontstage: step.frontstage,
        backstage: step.backstage,
        support_processes: step.supportProcesses,
        evidence: step.evidence,
      })),
    );
    const inserted = await db.insertInto('journey_step').values(stepRows).returning(['id', 'stage_id', 'position']).execute();
    const stepIdAt = new Map(inserted.map((s) => [`${s.stage_id}/${s.position}`, s.id]));
    journey.stages.forEach((stage, stagePosition) =>
      stage.steps.forEach((step, position) => {
        const id = must(stepIdAt, `${must(stageIdAt, stagePosition, 'stage position')}/${position}`, 'step');
        if (steps.has(step.key)) throw new Error(`Demo seed: duplicate step key ${step.key}`);
        steps.set(step.key, { id, journey: journey.key, channel: step.channel });
        for (const system of step.systems)
          stepSystems.push({ organisation_id: org, step_id: id, system_id: must(systemIds, system, 'system') });
      }),
    );
    rows += 1 + stages.length + inserted.length;
  }
  const stepOf = (key: string) => must(steps, key, 'step').id;

  const dependencies = DEMO_JOURNEYS.flatMap((j) =>
    j.stages.flatMap((s) =>
      s.steps.flatMap((step) =>
        (step.dependsOn ?? []).map((d) => ({ organisation_id: org, step_id: stepOf(step.key), depends_on_step_id: stepOf(d) })),
      ),
    ),
  );
  await db.insertInto('step_system').values(stepSystems).execute();
  await db.insertInto('step_dependency').values(dependencies).execute();
  rows += stepSystems.length + dependencies.length;

  rows += await insertGovernance(db, org, teamOf, stepOf, journeyIds);
  return { organisationId: org, journeyIds, steps, rows };
}

async function insertGovernance(
  db: Db,
  org: string,
  teamOf: (key: TeamKey) => string,
  stepOf: (key: string) => string,
  journeyIds: Record<JourneyKey, string>,
): Promise<number> {
  const remits = await db
    .insertInto('remit')
    .values(DEMO_REMITS.map((r) => ({ organisation_id: org, journey_id: journeyIds[r.journey], team_id: teamOf(r.team), role: r.role })))
    .returning(['id', 'journey_id', 'team_id'])
    .execute();
  const remitIds = new Map(remits.map((r) => [`${r.journey_id}/${r.team_id}`, r.id]));
  const remitSteps = DEMO_REMITS.flatMap((r) =>
    (r.steps ?? []).map((s) => ({
      organisation_id: org,
      remit_id: must(remitIds, `${journeyIds[r.journey]}/${teamOf(r.team)}`, 'remit'),
      step_id: stepOf(s),
    })),
  );
  await db.insertInto('remit_step').values(remitSteps).execute();

  const policies = await db
    .insertInto('policy')
    .values(DEMO_POLICIES.map((p) => ({ organisation_id: org, name: p.name, statement: p.statement, owner_team_id: teamOf(p.owner) })))
    .returning(['id', 'name'])
    .execute();
  const policyIds = new Map(policies.map((p) => [p.name, p.id]));
  const policySteps = DEMO_POLICIES.flatMap((p) =>
    p.steps.map((s) => ({ organisation_id: org, policy_id: must(policyIds, p.name, 'policy'), step_id: stepOf(s) })),
  );
  const decisionRights = DEMO_POLICIES.flatMap((p) =>
    (p.decisionRights ?? []).map((t) => ({ organisation_id: org, team_id: teamOf(t), policy_id: must(policyIds, p.name, 'policy') })),
  );
  await db.insertInto('policy_step').values(policySteps).execute();
  await db.insertInto('decision_right').values(decisionRights).execute();
  const proposals = await insertDemoProposals(db, org, teamOf, (name) => must(policyIds, name, 'policy'));

  await db
    .insertInto('kpi')
    .values(
      DEMO_KPIS.map((k) => ({
        organisation_id: org,
        key: k.key,
        name: k.name,
        description: k.description,
        unit: k.unit,
        kind: k.kind,
        source: JSON.stringify(k.source),
        scope_level: k.scope.level,
        journey_id: k.scope.level === 'organisation' ? null : journeyIds[k.scope.journey],
        step_id: k.scope.level === 'step' ? stepOf(k.scope.step) : null,
        owner_team_id: k.owner ? teamOf(k.owner) : null,
        direction: k.direction,
        target: k.target,
        threshold: k.threshold,
        grain: k.grain,
        schedule: k.schedule,
        value_per_point: k.valuePerPoint,
        // The demo's entered values predate its value model, which disagrees with several: the
        // product shows both, with the reason they were entered.
        value_per_point_reason: k.valuePerPoint === null ? null : DEMO_VALUE_REASON,
      })),
    )
    .execute();

  return remits.length + remitSteps.length + policies.length + policySteps.length + decisionRights.length + proposals + DEMO_KPIS.length;
}

const DEMO_VALUE_REASON =
  'Finance’s figure for the 2026 budget (premium retained per point, from the 2024 loyalty study), agreed at the CX council before the value model was fitted; to be reviewed against it.';

/** The demo's change proposals, each decided one with its entry in the decision log. */
async function insertDemoProposals(
  db: Db,
  org: string,
  teamOf: (key: TeamKey) => string,
  policyOf: (name: string) => string,
): Promise<number> {
  let rows = 0;
  for (const p of DEMO_PROPOSALS) {
    const policyId = policyOf(p.policy);
    const { id } = await db
      .insertInto('change_proposal')
      .values({
        organisation_id: org,
        policy_id: policyId,
        team_id: teamOf(p.team),
        title: p.title,
        proposed_statement: p.proposedStatement,
        rationale: p.rationale,
        cost: p.cost,
        state: p.state,
        approver: p.approver ?? null,
        routing_reason: p.routingReason ?? null,
        decision_reason: p.decision?.reason ?? null,
        created_by: p.decision?.by ?? DEMO_PEOPLE[0]!.displayName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    rows += 1;
    if (p.state === 'implemented') {
      await db.updateTable('policy').set({ statement: p.proposedStatement }).where('id', '=', policyId).execute();
    }
    if (p.decision) {
      await db
        .insertInto('decision')
        .values({
          organisation_id: org,
          subject_type: 'change_proposal',
          subject_id: id,
          summary: `${p.title} (${p.policy})`,
          outcome: p.state === 'rejected' ? 'rejected' : 'approved',
          reason: p.decision.reason,
          decided_by: p.decision.by,
          decided_by_body: p.decision.body,
        })
        .execute();
      rows += 1;
    }
  }
  return rows;
}
