import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { journeyStructureProblems } from '@throughline/domain';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';

type Caller = ReturnType<typeof createCaller>;
const PASSWORD = 'a long enough password';
let database: Database;
let lead: Caller;
let member: Caller;
const ids = { org: '', claims: '', sales: '', memberUser: '' };

async function callerAs(email: string): Promise<Caller> {
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
    email,
    password: PASSWORD,
  });
  return createCaller(createInnerContext({ db: database.db, actor }));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const team = (name: string, spendingAuthority: number) => ({
  name,
  purpose: `${name} purpose`,
  capabilities: ['design', 'engineering', 'data', 'operations', 'compliance'] as (
    'design' | 'engineering' | 'data' | 'operations' | 'compliance'
  )[],
  annualBudget: 1_000_000,
  spendingAuthority,
});

async function auditCount(): Promise<number> {
  const row = await database.db
    .selectFrom('audit_event')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisation_id', '=', ids.org)
    .where('action', '!=', 'access.denied')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Runs a mutation and checks it left exactly one audit event. */
async function once<T>(mutation: Promise<T>): Promise<T> {
  const before = await auditCount();
  const result = await mutation;
  expect(await auditCount()).toBe(before + 1);
  return result;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  await insertMember(database.db, ids.org, { email: 'lead@h.example', passwordHash, role: 'cx_lead', name: 'Lee Lead' });
  ids.memberUser = await insertMember(database.db, ids.org, {
    email: 'member@h.example',
    passwordHash,
    role: 'team_member',
    name: 'Mo Member',
  });
  lead = await callerAs('lead@h.example');
  member = await callerAs('member@h.example');
  ids.claims = (await lead.team.create(team('Claims', 20_000))).id;
  ids.sales = (await lead.team.create(team('Sales', 20_000))).id;
  await lead.team.setMembers({ teamId: ids.claims, userIds: [ids.memberUser] });
});
afterAll(() => database.close());

describe('building a journey blueprint', () => {
  let journeyId = '';
  let version = 0;

  it('creates a journey with stages and steps, each change audited once', async () => {
    const created = await once(
      lead.journey.create({ name: 'Make a claim', description: 'From loss to settlement', personas: ['Homeowner'] }),
    );
    journeyId = created.id;
    version = created.version;
    for (const name of ['Report', 'Assess', 'Settle'])
      version = (await once(lead.journey.addStage({ journeyId, journeyVersion: version, name }))).journeyVersion;
    const [report, assess] = (await lead.journey.get({ id: journeyId })).stages;
    for (const name of ['Call the helpline', 'Upload photos', 'Get a reference']) {
      version = (await once(lead.journey.addStep({ stageId: report!.id, journeyVersion: version, name, channel: 'phone' }))).journeyVersion;
    }
    version = (
      await once(lead.journey.addStep({ stageId: assess!.id, journeyVersion: version, name: 'Assessor visit', channel: 'in_person' }))
    ).journeyVersion;
    // Inserted at the front of its stage, not at the end.
    version = (
      await lead.journey.addStep({
        stageId: report!.id,
        journeyVersion: version,
        name: 'Notice the damage',
        channel: 'in_person',
        position: 0,
      })
    ).journeyVersion;

    const journey = await lead.journey.get({ id: journeyId });
    expect(journey.stages.map((s) => s.name)).toEqual(['Report', 'Assess', 'Settle']);
    expect(journey.stages[0]!.steps.map((s) => s.name)).toEqual([
      'Notice the damage',
      'Call the helpline',
      'Upload photos',
      'Get a reference',
    ]);
    expect(journeyStructureProblems(journey.stages)).toEqual([]);
  });

  it('reorders steps within and across stages, and stages, keeping positions gap-free', async () => {
    let journey = await lead.journey.get({ id: journeyId });
    const [report, assess] = journey.stages;
    const upload = report!.steps[2]!;
    version = (await once(lead.journey.moveStep({ stepId: upload.id, journeyVersion: version, toStageId: report!.id, toPosition: 0 })))
      .journeyVersion;
    version = (
      await once(lead.journey.moveStep({ stepId: report!.steps[3]!.id, journeyVersion: version, toStageId: assess!.id, toPosition: 0 }))
    ).journeyVersion;
    version = (await once(lead.journey.moveStage({ stageId: journey.stages[2]!.id, journeyVersion: version, toPosition: 0 })))
      .journeyVersion;

    journey = await lead.journey.get({ id: journeyId });
    expect(journey.stages.map((s) => s.name)).toEqual(['Settle', 'Report', 'Assess']);
    expect(journey.stages[1]!.steps.map((s) => s.name)).toEqual(['Upload photos', 'Notice the damage', 'Call the helpline']);
    expect(journey.stages[2]!.steps.map((s) => s.name)).toEqual(['Get a reference', 'Assessor visit']);
    expect(journeyStructureProblems(journey.stages)).toEqual([]);
  });

  it('refuses a structural edit on a stale journey version with CONFLICT, changing nothing', async () => {
    const before = await lead.journey.get({ id: journeyId });
    const stage = before.stages[0]!;
    expect(await codeOf(lead.journey.addStep({ stageId: stage.id, journeyVersion: version - 1, name: 'Late', channel: 'web' }))).toBe(
      'CONFLICT',
    );
    expect(await lead.journey.get({ id: journeyId })).toEqual(before);
  });

  it('refuses to remove a stage that still has steps, and removes an empty one', async () => {
    const journey = await lead.journey.get({ id: journeyId });
    const withSteps = journey.stages[1]!;
    expect(await codeOf(lead.journey.removeStage({ stageId: withSteps.id, journeyVersion: version }))).toBe('PRECONDITION_FAILED');
    version = (await once(lead.journey.removeStage({ stageId: journey.stages[0]!.id, journeyVersion: version }))).journeyVersion;
    const after = await lead.journey.get({ id: journeyId });
    expect(after.stages.map((s) => [s.name, s.position])).toEqual([
      ['Report', 0],
      ['Assess', 1],
    ]);
  });

  it('sets a step’s blueprint lanes, systems and dependencies in place', async () => {
    const crm = await lead.system.create({ name: 'CRM', description: '', ownerTeamId: ids.sales });
    const journey = await lead.journey.get({ id: journeyId });
    const [first, second] = journey.stages[0]!.steps;
    await once(
      lead.journey.updateStep({
        stepId: second!.id,
        version: second!.version,
        frontstage: 'Adviser logs the claim',
        systemIds: [crm.id],
        dependsOnStepIds: [first!.id],
      }),
    );
    const step = (await lead.journey.get({ id: journeyId })).stages[0]!.steps[1]!;
    expect(step.blueprint).toMatchObject({ frontstage: 'Adviser logs the claim', systemIds: [crm.id] });
    expect(step.dependsOnStepIds).toEqual([first!.id]);
    expect(await codeOf(lead.journey.updateStep({ stepId: second!.id, version: step.version, dependsOnStepIds: [second!.id] }))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('remits', () => {
  it('allows exactly one accountable team per journey, in the API and in the database', async () => {
    const { id: journeyId } = await lead.journey.create({ name: 'Renew a policy', description: '', personas: [] });
    await once(lead.remit.add({ journeyId, teamId: ids.claims, role: 'accountable', stepIds: [] }));
    const refused = await lead.remit.add({ journeyId, teamId: ids.sales, role: 'accountable', stepIds: [] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('CONFLICT');
    expect((refused as TRPCError).message).toContain('already has an accountable team');
    // The database itself refuses, whatever the code does.
    await expect(
      database.db
        .insertInto('remit')
        .values({ organisation_id: ids.org, journey_id: journeyId, team_id: ids.sales, role: 'accountable' })
        .execute(),
    ).rejects.toThrow(/remit_one_accountable_per_journey/);
    await once(lead.remit.add({ journeyId, teamId: ids.sales, role: 'contributing', stepIds: [] }));
    const decisions = await lead.proposal.decisions();
    expect(decisions.map((d) => d.summary)).toContain('Claims made accountable for “Renew a policy”');
  });

  it('lets a team member edit the journeys in their team’s remit only, and not create journeys', async () => {
    const [own] = (await lead.journey.list()).filter((j) => j.name === 'Renew a policy');
    const { id: otherId, version } = await lead.journey.create({ name: 'Buy cover', description: '', personas: [] });
    await lead.remit.add({ journeyId: otherId, teamId: ids.sales, role: 'accountable', stepIds: [] });
    expect(await codeOf(member.journey.addStage({ journeyId: own!.id, journeyVersion: own!.version, name: 'Remind' }))).toBe('OK');
    expect(await codeOf(member.journey.addStage({ journeyId: otherId, journeyVersion: version, name: 'Quote' }))).toBe('FORBIDDEN');
    // The refusal is in the audit log even though nothing changed.
    const denied = await database.db
      .selectFrom('audit_event')
      .select(['entity_type', 'entity_id'])
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', ids.memberUser)
      .execute();
    expect(denied).toContainEqual({ entity_type: 'journey', entity_id: otherId });
    expect(await codeOf(member.journey.create({ name: 'Mine', description: '', personas: [] }))).toBe('FORBIDDEN');
  });
});

describe('governed policy change', () => {
  let policyId = '';

  beforeAll(async () => {
    policyId = (
      await lead.policy.create({
        name: 'Assessor visits',
        statement: 'Claims over £5,000 need an assessor visit.',
        ownerTeamId: ids.claims,
        stepIds: [],
        decisionRightTeamIds: [],
      })
    ).id;
  });

  it('routes a change within the team’s rights and authority to the team, which approves it, and logs the decision', async () => {
    const draft = await once(
      member.proposal.create({
        policyId,
        teamId: ids.claims,
        title: 'Raise the threshold',
        proposedStatement: 'Claims over £10,000 need an assessor visit.',
        rationale: 'Photos suffice below it',
        cost: 15_000,
      }),
    );
    expect(draft.state).toBe('draft');
    const proposed = await once(member.proposal.submit({ id: draft.id, version: draft.version }));
    expect(proposed).toMatchObject({ state: 'proposed', approver: 'team' });
    const approved = await once(
      member.proposal.decide({ id: draft.id, version: proposed.version, decision: 'approve', reason: 'Within our authority and evidence' }),
    );
    expect(approved).toMatchObject({ state: 'approved', decisionReason: 'Within our authority and evidence' });
    const implemented = await once(member.proposal.implement({ id: draft.id, version: approved.version }));
    expect(implemented.state).toBe('implemented');
    expect((await lead.policy.get({ id: policyId })).statement).toBe('Claims over £10,000 need an assessor visit.');
    const [decision] = await lead.proposal.decisions();
    expect(decision).toMatchObject({
      subjectId: draft.id,
      outcome: 'approved',
      decidedBy: 'Mo Member',
      decidedByBody: 'team',
      reason: 'Within our authority and evidence',
    });
  });

  it('sends a change above the team’s spending authority to the council, which a team member cannot decide', async () => {
    const draft = await member.proposal.create({
      policyId,
      teamId: ids.claims,
      title: 'Drone surveys',
      proposedStatement: 'Drones survey roofs.',
      rationale: '',
      cost: 80_000,
    });
    const proposed = await member.proposal.submit({ id: draft.id, version: draft.version });
    expect(proposed).toMatchObject({ approver: 'council', routingReason: 'The cost exceeds the team’s spending authority.' });
    expect(await codeOf(member.proposal.decide({ id: draft.id, version: proposed.version, decision: 'approve', reason: 'Mine' }))).toBe(
      'FORBIDDEN',
    );
    const rejected = await lead.proposal.decide({ id: draft.id, version: proposed.version, decision: 'reject', reason: 'Not this year' });
    expect(rejected.state).toBe('rejected');
    expect(await codeOf(lead.proposal.implement({ id: draft.id, version: rejected.version }))).toBe('PRECONDITION_FAILED');
    const [decision] = await lead.proposal.decisions();
    expect(decision).toMatchObject({ outcome: 'rejected', decidedBy: 'Lee Lead', decidedByBody: 'council' });
  });

  it('sends a change to a policy outside the team’s decision rights to the council, whatever it costs', async () => {
    const draft = await lead.proposal.create({
      policyId,
      teamId: ids.sales,
      title: 'Sales tweak',
      proposedStatement: 'x',
      rationale: '',
      cost: 0,
    });
    expect((await lead.proposal.submit({ id: draft.id, version: draft.version })).approver).toBe('council');
  });

  it('keeps a team member to proposals for their own team', async () => {
    expect(
      await codeOf(
        member.proposal.create({ policyId, teamId: ids.sales, title: 'Not mine', proposedStatement: 'x', rationale: '', cost: 0 }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('refuses a stale decision with CONFLICT and changes nothing', async () => {
    const draft = await lead.proposal.create({
      policyId,
      teamId: ids.claims,
      title: 'Stale',
      proposedStatement: 'y',
      rationale: '',
      cost: 0,
    });
    await lead.proposal.submit({ id: draft.id, version: draft.version });
    expect(await codeOf(lead.proposal.decide({ id: draft.id, version: draft.version, decision: 'approve', reason: 'late' }))).toBe(
      'CONFLICT',
    );
    expect((await lead.proposal.get({ id: draft.id })).state).toBe('proposed');
  });
});

describe('teams, systems and KPIs', () => {
  it('refuses a stale team update with CONFLICT and changes nothing', async () => {
    const [claims] = (await lead.team.list()).filter((t) => t.id === ids.claims);
    await once(lead.team.update({ ...team('Claims', 30_000), id: ids.claims, version: claims!.version }));
    expect(await codeOf(lead.team.update({ ...team('Claims', 99_000), id: ids.claims, version: claims!.version }))).toBe('CONFLICT');
    expect((await lead.team.list()).find((t) => t.id === ids.claims)?.spendingAuthority).toBe(30_000);
  });

  it('refuses a duplicate team name with a field path', async () => {
    const error = await lead.team.create(team('Sales', 0)).catch((e: unknown) => e as TRPCError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  it('defines KPIs owned by a team, a team member only for their own team', async () => {
    const kpi = {
      key: 'claims.nps',
      name: 'Claims NPS',
      description: '',
      unit: 'points',
      kind: 'nps' as const,
      source: { stream: 'survey' as const, instrument: 'nps' as const },
      scope: { level: 'organisation' as const },
      ownerTeamId: ids.claims,
      direction: 'higher_is_better' as const,
      target: 40,
      threshold: 30,
      grain: 'month' as const,
      schedule: '0 3 * * *',
      valuePerPoint: null,
    };
    const created = await once(member.kpi.create(kpi));
    expect(await codeOf(member.kpi.create({ ...kpi, key: 'sales.nps', ownerTeamId: ids.sales }))).toBe('FORBIDDEN');
    expect(await codeOf(member.kpi.update({ ...kpi, id: created.id, version: created.version, ownerTeamId: ids.sales }))).toBe('FORBIDDEN');
    expect(await codeOf(lead.kpi.create({ ...kpi, schedule: 'every day' }))).toBe('BAD_REQUEST');
  });
});

describe('the audit log', () => {
  it('cannot be changed or deleted by the application', async () => {
    await expect(sql`UPDATE audit_event SET action = 'tampered'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM decision`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
