import type { Role } from '@throughline/domain';
import type { Db } from '../database.ts';

/** Small, explicit rows for integration tests; the demo seed is far too big for them. */
export async function insertOrganisation(db: Db, slug: string, name = slug) {
  return db.insertInto('organisation').values({ slug, name }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function insertMember(db: Db, organisationId: string, u: { email: string; passwordHash: string; role: Role; name?: string }) {
  const user = await db
    .insertInto('app_user')
    .values({ email: u.email, display_name: u.name ?? u.email.split('@')[0]!, password_hash: u.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('member').values({ organisation_id: organisationId, user_id: user.id, role: u.role }).execute();
  return user.id;
}

export async function insertTeam(db: Db, organisationId: string, name: string, capabilities: string[] = ['design', 'operations']) {
  return db
    .insertInto('team')
    .values({
      organisation_id: organisationId,
      name,
      purpose: `${name} purpose`,
      capabilities,
      annual_budget: 500_000,
      spending_authority: 25_000,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}

/** A journey with `stages` stages of `stepsPerStage` steps, owned by `accountableTeamId`. */
export async function insertJourney(
  db: Db,
  organisationId: string,
  name: string,
  opts: { accountableTeamId?: string; stages?: number; stepsPerStage?: number } = {},
) {
  const journey = await db
    .insertInto('journey')
    .values({ organisation_id: organisationId, name, personas: ['Homeowner'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stepIds: string[] = [];
  for (let s = 0; s < (opts.stages ?? 2); s++) {
    const stage = await db
      .insertInto('journey_stage')
      .values({ organisation_id: organisationId, journey_id: journey.id, name: `Stage ${s + 1}`, position: s })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let p = 0; p < (opts.stepsPerStage ?? 2); p++) {
      const step = await db
        .insertInto('journey_step')
        .values({
          organisation_id: organisationId,
          journey_id: journey.id,
          stage_id: stage.id,
          name: `Step ${s + 1}.${p + 1}`,
          channel: 'web',
          position: p,
          customer_action: 'Customer does something',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      stepIds.push(step.id);
    }
  }
  if (opts.accountableTeamId) {
    await db
      .insertInto('remit')
      .values({ organisation_id: organisationId, journey_id: journey.id, team_id: opts.accountableTeamId, role: 'accountable' })
      .execute();
  }
  return { id: journey.id, stepIds };
}

/** An organisation-wide NPS KPI, so reads of KPIs return something real. */
export async function insertKpi(db: Db, organisationId: string, k: { key: string; name: string; target?: number | null }) {
  return db
    .insertInto('kpi')
    .values({
      organisation_id: organisationId,
      key: k.key,
      name: k.name,
      description: `${k.name}, from survey responses`,
      unit: 'points',
      kind: 'nps',
      source: JSON.stringify({ stream: 'survey', instrument: 'nps' }),
      scope_level: 'organisation',
      journey_id: null,
      step_id: null,
      owner_team_id: null,
      direction: 'higher_is_better',
      target: k.target ?? null,
      threshold: null,
      grain: 'month',
      schedule: '0 3 * * *',
      value_per_point: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}
