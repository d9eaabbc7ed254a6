import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { scopesAllow, TOKEN_SCOPES, type Actor, type Permission, type TokenActor, type TokenScope } from '@throughline/domain';
import { hashPassword } from './auth/password.ts';
import { createInnerContext, recordingCookies } from './context.ts';
import { appRouter, createCaller } from './router.ts';
import type { ProcedureMeta } from './trpc.ts';

/**
 * Walks every procedure of the router, so a new procedure is covered the day it is added:
 * unauthenticated → UNAUTHORIZED; another organisation's ids → NOT_FOUND; a viewer
 * mutating → FORBIDDEN; a token without the scope → FORBIDDEN.
 */
type ProcedureDef = { _def: { type: 'query' | 'mutation'; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type,
  access: p._def.meta?.access ?? 'public',
}));
const guarded = procedures.filter((p) => p.access !== 'public');

let database: Database;
const PASSWORD = 'a long enough password';
const ids = {
  orgA: '',
  orgB: '',
  admin: '',
  cxLead: '',
  teamMember: '',
  viewer: '',
  claimsTeam: '',
  ownJourney: '',
  ownStep: '',
  remitStep: '',
  otherTeamsStep: '',
  foreignJourney: '',
  foreignStep: '',
  foreignMember: '',
  foreignTeam: '',
  foreignToken: '',
  ownStage: '',
  ownSystem: '',
  ownPolicy: '',
  ownProposal: '',
  ownKpi: '',
  spareTeam: '',
  foreignStage: '',
  foreignSystem: '',
  foreignPolicy: '',
  foreignRemit: '',
  foreignProposal: '',
  foreignKpi: '',
  ownFailurePoint: '',
  ownInsight: '',
  ownOutcome: '',
  ownInitiative: '',
  foreignFailurePoint: '',
  foreignInsight: '',
  foreignOutcome: '',
  foreignInitiative: '',
};
const NOWHERE = '00000000-0000-4000-8000-00000000abcd';
const failurePointInput = (journeyId: string, stepId: string) => ({
  journeyId,
  stepId,
  title: 'Customers chase the assessor',
  description: '',
  expectation: 4,
  capability: 2,
  frequency: 100,
  frequencyPeriod: 'month' as const,
  costBasis: 'contact' as const,
  unitCost: 6,
  kpiIds: [],
});
const insightInput = (journeyIds: string[]) => ({
  kind: 'finding' as const,
  title: 'Nobody knows when the assessor comes',
  body: 'Customers call three times to ask.',
  source: 'interview' as const,
  observedOn: '2026-10-01',
  confidence: 'high' as const,
  personas: [],
  journeyIds,
  stepIds: [],
  failurePointIds: [],
  initiativeIds: [],
});
const outcomeInput = (journeyId: string, kpiId: string) => ({
  journeyId,
  kpiId,
  title: 'Claims NPS to +30',
  baseline: 10,
  target: 30,
  byDate: '2027-06-30',
});
const initiativeInput = (journeyId: string, teamId: string) => ({ title: 'Assessor call-back', journeyId, teamId });

const kpiInput = (key: string, ownerTeamId: string) => ({
  key,
  name: `KPI ${key}`,
  description: '',
  unit: 'points',
  kind: 'nps' as const,
  source: { stream: 'survey' as const, instrument: 'nps' as const },
  scope: { level: 'organisation' as const },
  ownerTeamId,
  direction: 'higher_is_better' as const,
  target: 40,
  threshold: 30,
  grain: 'month' as const,
  schedule: '0 3 * * *',
  valuePerPoint: null,
});
const policyInput = (name: string, ownerTeamId: string) => ({
  name,
  statement: 'As it stands',
  ownerTeamId,
  stepIds: [],
  decisionRightTeamIds: [],
});
const journeyDocument = {
  format: 'throughline.journey' as const,
  formatVersion: 1 as const,
  journey: { name: 'Imported by the walk', description: '', personas: [], stages: [{ name: 'Only stage', steps: [] }] },
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const passwordHash = await hashPassword(PASSWORD);
  ids.orgA = (await insertOrganisation(db, 'harbour', 'Harbour')).id;
  ids.orgB = (await insertOrganisation(db, 'other', 'Other')).id;
  ids.admin = await insertMember(db, ids.orgA, { email: 'admin@a.example', passwordHash, role: 'admin' });
  ids.cxLead = await insertMember(db, ids.orgA, { email: 'lead@a.example', passwordHash, role: 'cx_lead' });
  ids.teamMember = await insertMember(db, ids.orgA, { email: 'member@a.example', passwordHash, role: 'team_member' });
  ids.viewer = await insertMember(db, ids.orgA, { email: 'viewer@a.example', passwordHash, role: 'viewer' });
  ids.claimsTeam = await insertTeam(db, ids.orgA, 'Claims');
  const salesTeam = await insertTeam(db, ids.orgA, 'Sales');
  await db.insertInto('team_member').values({ organisation_id: ids.orgA, team_id: ids.claimsTeam, user_id: ids.teamMember }).execute();
  const own = await insertJourney(db, ids.orgA, 'Claim', { accountableTeamId: ids.claimsTeam });
  ids.ownJourney = own.id;
  ids.ownStep = own.stepIds[0]!;
  // Kept for the remit tests, which the walks above never touch.
  ids.remitStep = (await insertJourney(db, ids.orgA, 'Claim follow-up', { accountableTeamId: ids.claimsTeam })).stepIds[0]!;
  ids.otherTeamsStep = (await insertJourney(db, ids.orgA, 'Buy', { accountableTeamId: salesTeam })).stepIds[0]!;
  ids.foreignMember = await insertMember(db, ids.orgB, { email: 'admin@b.example', passwordHash, role: 'admin' });
  ids.foreignTeam = await insertTeam(db, ids.orgB, 'Their team');
  const foreign = await insertJourney(db, ids.orgB, 'Theirs', { accountableTeamId: ids.foreignTeam });
  ids.foreignJourney = foreign.id;
  ids.foreignStep = foreign.stepIds[0]!;
  const foreignAdmin = await callerAs('admin@b.example');
  ids.foreignToken = (await foreignAdmin.token.create({ name: 'theirs', scopes: ['kpi:read'], expiresInDays: 30 })).id;
  ids.foreignStage = (await foreignAdmin.journey.get({ id: ids.foreignJourney })).stages[0]!.id;
  ids.foreignSystem = (await foreignAdmin.system.create({ name: 'Their CRM', description: '', ownerTeamId: ids.foreignTeam })).id;
  ids.foreignPolicy = (await foreignAdmin.policy.create(policyInput('Their policy', ids.foreignTeam))).id;
  ids.foreignRemit = (await foreignAdmin.remit.list())[0]!.id;
  ids.foreignProposal = (
    await foreignAdmin.proposal.create({
      policyId: ids.foreignPolicy,
      teamId: ids.foreignTeam,
      title: 'Theirs',
      proposedStatement: 'New',
      rationale: '',
      cost: 0,
    })
  ).id;
  ids.foreignKpi = (await foreignAdmin.kpi.create(kpiInput('their.nps', ids.foreignTeam))).id;
  ids.foreignFailurePoint = (await foreignAdmin.failurePoint.create(failurePointInput(ids.foreignJourney, ids.foreignStep))).id;
  ids.foreignInsight = (await foreignAdmin.insight.create(insightInput([ids.foreignJourney]))).id;
  ids.foreignOutcome = (await foreignAdmin.outcome.create(outcomeInput(ids.foreignJourney, ids.foreignKpi))).id;
  ids.foreignInitiative = (await foreignAdmin.initiative.create(initiativeInput(ids.foreignJourney, ids.foreignTeam))).id;

  const admin = await callerAs('admin@a.example');
  ids.ownStage = (await admin.journey.get({ id: ids.ownJourney })).stages[0]!.id;
  ids.ownSystem = (await admin.system.create({ name: 'Claims core', description: '', ownerTeamId: ids.claimsTeam })).id;
  ids.ownPolicy = (await admin.policy.create(policyInput('Assessor visits', ids.claimsTeam))).id;
  ids.ownProposal = (
    await admin.proposal.create({
      policyId: ids.ownPolicy,
      teamId: ids.claimsTeam,
      title: 'Ours',
      proposedStatement: 'New',
      rationale: '',
      cost: 0,
    })
  ).id;
  ids.ownKpi = (await admin.kpi.create(kpiInput('claims.nps', ids.claimsTeam))).id;
  ids.spareTeam = await insertTeam(db, ids.orgA, 'Spare');
  ids.ownFailurePoint = (await admin.failurePoint.create(failurePointInput(ids.ownJourney, ids.ownStep))).id;
  ids.ownInsight = (await admin.insight.create(insightInput([ids.ownJourney]))).id;
  ids.ownOutcome = (await admin.outcome.create(outcomeInput(ids.ownJourney, ids.ownKpi))).id;
  ids.ownInitiative = (await admin.initiative.create(initiativeInput(ids.ownJourney, ids.claimsTeam))).id;
});
afterAll(() => database.close());

async function actorFor(email: string): Promise<Actor> {
  return createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({ email, password: PASSWORD });
}
async function callerAs(email: string) {
  return createCaller(createInnerContext({ db: database.db, actor: await actorFor(email) }));
}
function tokenActor(scopes: TokenScope[]): TokenActor {
  return { kind: 'token', tokenId: '00000000-0000-4000-8000-000000000001', organisationId: ids.orgA, scopes };
}

type Caller = ReturnType<typeof createCaller>;
function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
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

/** A valid input for each procedure that takes one, naming this organisation's rows. */
const ownInput = (path: string): unknown =>
  ({
    'member.invite': { email: 'new@a.example', role: 'viewer', teamId: null },
    'member.changeRole': { userId: ids.viewer, role: 'viewer' },
    'member.remove': { userId: ids.cxLead },
    'token.create': { name: 't', scopes: ['kpi:read'], expiresInDays: 30 },
    'organisation.updateSettings': { timeZone: 'Europe/London' },
    'token.revoke': { id: '00000000-0000-4000-8000-00000000abcd' },
    'journey.get': { id: ids.ownJourney },
    'journey.blueprint': { id: ids.ownJourney },
    'journey.updateStep': { stepId: ids.ownStep, version: 1, name: 'Renamed' },
    'journey.create': { name: 'Created by the walk', description: '', personas: [] },
    'journey.update': { id: ids.ownJourney, version: 1, name: 'Claim', description: 'Walked', personas: [] },
    'journey.addStage': { journeyId: ids.ownJourney, journeyVersion: 1, name: 'New stage' },
    'journey.renameStage': { stageId: ids.ownStage, journeyVersion: 1, name: 'Renamed stage' },
    'journey.moveStage': { stageId: ids.ownStage, journeyVersion: 1, toPosition: 1 },
    'journey.removeStage': { stageId: ids.ownStage, journeyVersion: 1 },
    'journey.addStep': { stageId: ids.ownStage, journeyVersion: 1, name: 'New step', channel: 'web' },
    'journey.moveStep': { stepId: ids.ownStep, journeyVersion: 1, toStageId: ids.ownStage, toPosition: 1 },
    'journey.removeStep': { stepId: ids.ownStep, journeyVersion: 1 },
    'journey.interchange.export': { id: ids.ownJourney },
    'journey.interchange.import': { document: journeyDocument, createMissingSystems: false },
    'team.create': { name: 'Created by the walk', purpose: '', capabilities: [], annualBudget: 0, spendingAuthority: 0 },
    'team.update': {
      id: ids.spareTeam,
      version: 1,
      name: 'Spare',
      purpose: 'Walked',
      capabilities: [],
      annualBudget: 0,
      spendingAuthority: 0,
    },
    'team.setMembers': { teamId: ids.spareTeam, userIds: [] },
    'system.create': { name: 'Created by the walk', description: '', ownerTeamId: null },
    'system.update': { id: ids.ownSystem, version: 1, name: 'Claims core', description: 'Walked', ownerTeamId: ids.claimsTeam },
    'remit.add': { journeyId: ids.ownJourney, teamId: ids.spareTeam, role: 'contributing', stepIds: [] },
    'remit.remove': { id: '00000000-0000-4000-8000-00000000abcd' },
    'policy.get': { id: ids.ownPolicy },
    'policy.create': policyInput('Created by the walk', ids.claimsTeam),
    'policy.update': { ...policyInput('Assessor visits', ids.claimsTeam), id: ids.ownPolicy, version: 1 },
    'proposal.get': { id: ids.ownProposal },
    'proposal.create': { policyId: ids.ownPolicy, teamId: ids.claimsTeam, title: 'Walk', proposedStatement: 'New', rationale: '', cost: 0 },
    'proposal.submit': { id: ids.ownProposal, version: 1 },
    'proposal.decide': { id: ids.ownProposal, version: 1, decision: 'approve', reason: 'Walked' },
    'proposal.implement': { id: ids.ownProposal, version: 1 },
    'kpi.create': kpiInput('walk.kpi', ids.claimsTeam),
    'kpi.update': { ...kpiInput('claims.nps', ids.claimsTeam), id: ids.ownKpi, version: 1 },
    'kpi.results': { kpiId: ids.ownKpi },
    'alert.acknowledge': { id: '00000000-0000-4000-8000-00000000abcd' },
    'kpi.recompute': { kpiId: ids.ownKpi },
    'failurePoint.get': { id: ids.ownFailurePoint },
    'failurePoint.create': failurePointInput(ids.ownJourney, ids.ownStep),
    'failurePoint.update': { ...failurePointInput(ids.ownJourney, ids.ownStep), id: ids.ownFailurePoint, version: 1 },
    'failurePoint.delete': { id: NOWHERE },
    'insight.get': { id: ids.ownInsight },
    'insight.create': insightInput([ids.ownJourney]),
    'insight.update': { ...insightInput([ids.ownJourney]), id: ids.ownInsight, version: 1 },
    'insight.delete': { id: NOWHERE },
    'outcome.create': outcomeInput(ids.ownJourney, ids.ownKpi),
    'outcome.update': { ...outcomeInput(ids.ownJourney, ids.ownKpi), journeyId: undefined, id: ids.ownOutcome, version: 1 },
    'outcome.delete': { id: NOWHERE },
    'initiative.get': { id: ids.ownInitiative },
    'initiative.create': initiativeInput(ids.ownJourney, ids.claimsTeam),
    'initiative.update': { ...initiativeInput(ids.ownJourney, ids.claimsTeam), id: ids.ownInitiative, version: 1 },
    'initiative.advance': { id: ids.ownInitiative, version: 1, to: 'designed' },
    'initiative.decideFunding': { id: ids.ownInitiative, version: 1, decision: 'approve', reason: 'Walked' },
    'initiative.delete': { id: NOWHERE },
    'value.kpi': { kpiId: ids.ownKpi },
    'value.refit': { kpiId: ids.ownKpi },
    'ingest.operationalEvents': {
      events: [
        {
          source: 's',
          externalId: 'e-1',
          type: 'contact',
          value: null,
          customerId: null,
          journeyId: ids.ownJourney,
          stepId: null,
          attributes: {},
          occurredAt: '2026-11-01T00:00:00Z',
        },
      ],
    },
    'ingest.surveyResponses': {
      responses: [
        {
          source: 's',
          externalId: 'x-1',
          instrument: 'nps',
          score: 9,
          customerId: null,
          journeyId: ids.ownJourney,
          stepId: null,
          channel: null,
          segment: null,
          verbatim: null,
          occurredAt: '2026-11-01T00:00:00Z',
        },
      ],
    },
  })[path];

/**
 * Another organisation's ids for every guarded procedure that takes one. A procedure that
 * takes no ids is listed in NO_IDS; a new procedure must be put in one or the other.
 */
const foreignInput = (): Record<string, unknown> => ({
  'member.changeRole': { userId: ids.foreignMember, role: 'viewer' },
  'member.remove': { userId: ids.foreignMember },
  'member.invite': { email: 'x@a.example', role: 'viewer', teamId: ids.foreignTeam },
  'token.revoke': { id: ids.foreignToken },
  'journey.get': { id: ids.foreignJourney },
  'journey.blueprint': { id: ids.foreignJourney },
  'journey.updateStep': { stepId: ids.foreignStep, version: 1, name: 'Hijacked' },
  'journey.update': { id: ids.foreignJourney, version: 1, name: 'Hijacked', description: '', personas: [] },
  'journey.addStage': { journeyId: ids.foreignJourney, journeyVersion: 1, name: 'Hijacked' },
  'journey.renameStage': { stageId: ids.foreignStage, journeyVersion: 1, name: 'Hijacked' },
  'journey.moveStage': { stageId: ids.foreignStage, journeyVersion: 1, toPosition: 1 },
  'journey.removeStage': { stageId: ids.foreignStage, journeyVersion: 1 },
  'journey.addStep': { stageId: ids.foreignStage, journeyVersion: 1, name: 'Hijacked', channel: 'web' },
  'journey.moveStep': { stepId: ids.foreignStep, journeyVersion: 1, toStageId: ids.ownStage, toPosition: 0 },
  'journey.removeStep': { stepId: ids.foreignStep, journeyVersion: 1 },
  'journey.interchange.export': { id: ids.foreignJourney },
  'team.update': {
    id: ids.foreignTeam,
    version: 1,
    name: 'Hijacked',
    purpose: '',
    capabilities: [],
    annualBudget: 0,
    spendingAuthority: 0,
  },
  'team.setMembers': { teamId: ids.foreignTeam, userIds: [] },
  'system.create': { name: 'Hijacked', description: '', ownerTeamId: ids.foreignTeam },
  'system.update': { id: ids.foreignSystem, version: 1, name: 'Hijacked', description: '', ownerTeamId: null },
  'remit.add': { journeyId: ids.foreignJourney, teamId: ids.claimsTeam, role: 'contributing', stepIds: [] },
  'remit.remove': { id: ids.foreignRemit },
  'policy.get': { id: ids.foreignPolicy },
  'policy.create': policyInput('Hijacked', ids.foreignTeam),
  'policy.update': { ...policyInput('Hijacked', ids.claimsTeam), id: ids.foreignPolicy, version: 1 },
  'proposal.get': { id: ids.foreignProposal },
  'proposal.create': {
    policyId: ids.foreignPolicy,
    teamId: ids.claimsTeam,
    title: 'Hijacked',
    proposedStatement: 'New',
    rationale: '',
    cost: 0,
  },
  'proposal.submit': { id: ids.foreignProposal, version: 1 },
  'proposal.decide': { id: ids.foreignProposal, version: 1, decision: 'approve', reason: 'Hijacked' },
  'proposal.implement': { id: ids.foreignProposal, version: 1 },
  'kpi.create': { ...kpiInput('hijack.kpi', ids.foreignTeam) },
  'kpi.update': { ...kpiInput('hijack.kpi', ids.claimsTeam), id: ids.foreignKpi, version: 1 },
  'kpi.results': { kpiId: ids.foreignKpi },
  'alert.acknowledge': { id: '00000000-0000-4000-8000-00000000abcd' },
  'kpi.recompute': { kpiId: ids.foreignKpi },
  'failurePoint.get': { id: ids.foreignFailurePoint },
  'failurePoint.create': failurePointInput(ids.foreignJourney, ids.foreignStep),
  'failurePoint.update': { ...failurePointInput(ids.ownJourney, ids.ownStep), id: ids.foreignFailurePoint, version: 1 },
  'failurePoint.delete': { id: ids.foreignFailurePoint },
  'insight.get': { id: ids.foreignInsight },
  'insight.create': insightInput([ids.foreignJourney]),
  'insight.update': { ...insightInput([]), id: ids.foreignInsight, version: 1 },
  'insight.delete': { id: ids.foreignInsight },
  'outcome.create': outcomeInput(ids.foreignJourney, ids.ownKpi),
  'outcome.update': { ...outcomeInput(ids.ownJourney, ids.ownKpi), journeyId: undefined, id: ids.foreignOutcome, version: 1 },
  'outcome.delete': { id: ids.foreignOutcome },
  'initiative.get': { id: ids.foreignInitiative },
  'initiative.create': initiativeInput(ids.ownJourney, ids.foreignTeam),
  'initiative.update': { ...initiativeInput(ids.ownJourney, ids.claimsTeam), id: ids.foreignInitiative, version: 1 },
  'initiative.advance': { id: ids.foreignInitiative, version: 1, to: 'designed' },
  'initiative.decideFunding': { id: ids.foreignInitiative, version: 1, decision: 'approve', reason: 'Hijacked' },
  'initiative.delete': { id: ids.foreignInitiative },
  'initiative.acidTest': { initiativeId: ids.foreignInitiative },
  'value.kpi': { kpiId: ids.foreignKpi },
  'value.refit': { kpiId: ids.foreignKpi },
  'ingest.operationalEvents': {
    events: [
      {
        source: 's',
        externalId: 'f-1',
        type: 'contact',
        value: null,
        customerId: null,
        journeyId: ids.foreignJourney,
        stepId: null,
        attributes: {},
        occurredAt: '2026-11-01T00:00:00Z',
      },
    ],
  },
  'ingest.surveyResponses': {
    responses: [
      {
        source: 's',
        externalId: 'f-1',
        instrument: 'nps',
        score: 9,
        customerId: null,
        journeyId: ids.foreignJourney,
        stepId: ids.foreignStep,
        channel: null,
        segment: null,
        verbatim: null,
        occurredAt: '2026-11-01T00:00:00Z',
      },
    ],
  },
});
const NO_IDS = new Set([
  'initiative.portfolio',
  'organisation.overview',
  'organisation.get',
  'organisation.updateSettings',
  'kpi.dashboard',
  'operatingModel.health',
  'member.list',
  'token.list',
  'token.create',
  'audit.list',
  'team.list',
  'team.create',
  'journey.list',
  'journey.stepNames',
  'journey.create',
  'journey.interchange.import',
  'system.list',
  'remit.list',
  'policy.list',
  'proposal.list',
  'proposal.decisions',
  'kpi.list',
  'alert.list',
  'failurePoint.list',
  'insight.search',
  'outcome.list',
  'initiative.list',
  'initiative.backlog',
  'initiative.budgets',
  'scorecard.get',
]);
/** Where another organisation's ids are refused as invalid input rather than as not found. */
const REFUSED_AS_INPUT = new Set([
  'ingest.surveyResponses',
  'ingest.operationalEvents',
  'kpi.create',
  'failurePoint.create',
  'insight.create',
  'outcome.create',
  'initiative.create',
]);

describe('every procedure', () => {
  it('is either public or names the permission it needs', () => {
    expect(guarded.length).toBeGreaterThan(10);
    expect(
      procedures
        .filter((p) => p.access === 'public')
        .map((p) => p.path)
        .sort(),
    ).toEqual(
      [
        'auth.acceptInvitation',
        'auth.me',
        'auth.requestPasswordReset',
        'auth.resetPassword',
        'auth.signIn',
        'auth.signOut',
        'auth.signUp',
      ].sort(),
    );
  });

  it('refuses an unauthenticated caller with UNAUTHORIZED', async () => {
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    for (const p of guarded) expect(await codeOf(call(anonymous, p.path, ownInput(p.path))), p.path).toBe('UNAUTHORIZED');
  });

  it("answers another organisation's ids with NOT_FOUND", async () => {
    const inputs = foreignInput();
    const unclassified = guarded.filter((p) => !(p.path in inputs) && !NO_IDS.has(p.path)).map((p) => p.path);
    expect(unclassified, 'classify these procedures in foreignInput or NO_IDS').toEqual([]);
    const admin = await callerAs('admin@a.example');
    for (const [path, input] of Object.entries(inputs)) {
      expect(await codeOf(call(admin, path, input)), path).toBe(REFUSED_AS_INPUT.has(path) ? 'BAD_REQUEST' : 'NOT_FOUND');
    }
    // Nothing of theirs changed.
    const theirStep = await database.db
      .selectFrom('journey_step')
      .select(['name', 'version'])
      .where('id', '=', ids.foreignStep)
      .executeTakeFirstOrThrow();
    expect(theirStep.version).toBe(1);
    for (const table of [
      'journey',
      'team',
      'system',
      'policy',
      'kpi',
      'change_proposal',
      'failure_point',
      'insight',
      'outcome',
      'initiative',
    ] as const) {
      const changed = await database.db
        .selectFrom(table)
        .select('id')
        .where('organisation_id', '=', ids.orgB)
        .where('version', '>', 1)
        .execute();
      expect(changed, table).toEqual([]);
    }
    for (const table of ['failure_point', 'insight', 'outcome', 'initiative'] as const) {
      const theirs = await database.db.selectFrom(table).select('id').where('organisation_id', '=', ids.orgB).execute();
      expect(theirs, `${table} of theirs still there`).toHaveLength(1);
    }
    const theirToken = await database.db
      .selectFrom('api_token')
      .select('revoked_at')
      .where('id', '=', ids.foreignToken)
      .executeTakeFirstOrThrow();
    expect(theirToken.revoked_at).toBeNull();
  });

  it("lists no step of another organisation's among the step names", async () => {
    const names = await (await callerAs('viewer@a.example')).journey.stepNames();
    expect(names.map((s) => s.id)).toContain(ids.ownStep);
    expect(names.map((s) => s.id)).not.toContain(ids.foreignStep);
    expect(new Set(names.map((s) => s.journeyId))).not.toContain(ids.foreignJourney);
  });

  it('refuses a viewer every mutation with FORBIDDEN, and audits each refusal', async () => {
    const viewer = await callerAs('viewer@a.example');
    const mutations = guarded.filter((p) => p.type === 'mutation');
    expect(mutations.length).toBeGreaterThan(5);
    for (const p of mutations) expect(await codeOf(call(viewer, p.path, ownInput(p.path))), p.path).toBe('FORBIDDEN');
    const denied = await database.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', ids.viewer)
      .execute();
    expect(denied.map((d) => d.entity_id).sort()).toEqual(mutations.map((p) => p.path).sort());
  });

  it('refuses a token whose scopes do not allow the procedure, and admits one whose do', async () => {
    for (const p of guarded) {
      const permission = p.access as Permission;
      for (const scope of TOKEN_SCOPES) {
        const caller = createCaller(createInnerContext({ db: database.db, actor: tokenActor([scope]) }));
        const code = await codeOf(call(caller, p.path, ownInput(p.path)));
        if (scopesAllow([scope], permission)) expect(code, `${p.path} with ${scope}`).not.toMatch(/FORBIDDEN|UNAUTHORIZED/);
        else expect(code, `${p.path} with ${scope}`).toBe('FORBIDDEN');
      }
    }
  });
});

describe('the kpi:compute scope', () => {
  it('recomputes a KPI and refits its value model, and edits or reads nothing', async () => {
    const caller = createCaller(createInnerContext({ db: database.db, actor: tokenActor(['kpi:compute']) }));
    const audited = async () => {
      const rows = await database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_id', '=', ids.ownKpi)
        .where('actor_type', '=', 'token')
        .execute();
      return {
        recomputed: rows.filter((r) => r.action === 'kpi.recomputed').length,
        refitted: rows.filter((r) => r.action === 'value.refitted').length,
      };
    };
    const before = await audited();
    expect(await caller.kpi.recompute({ kpiId: ids.ownKpi })).toEqual({ results: expect.any(Number) as unknown });
    expect(await caller.value.refit({ kpiId: ids.ownKpi })).toMatchObject({ kpiId: ids.ownKpi });
    expect(await codeOf(caller.kpi.update({ ...kpiInput('claims.nps', ids.claimsTeam), id: ids.ownKpi, version: 1 }))).toBe('FORBIDDEN');
    expect(await codeOf(caller.kpi.results({ kpiId: ids.ownKpi }))).toBe('FORBIDDEN');
    expect(await codeOf(caller.kpi.recompute({ kpiId: ids.foreignKpi }))).toBe('NOT_FOUND');
    expect(await audited()).toEqual({ recomputed: before.recomputed + 1, refitted: before.refitted + 1 });
  });
});

describe('remit scope', () => {
  it("lets a team member edit a step of their team's journey, not another team's", async () => {
    const member = await callerAs('member@a.example');
    expect(await member.journey.updateStep({ stepId: ids.remitStep, version: 1, frontstage: 'Claims handler calls back' })).toMatchObject({
      version: 2,
    });
    expect(await codeOf(member.journey.updateStep({ stepId: ids.otherTeamsStep, version: 1, name: 'Nope' }))).toBe('FORBIDDEN');
    const lead = await callerAs('lead@a.example');
    expect(await lead.journey.updateStep({ stepId: ids.otherTeamsStep, version: 1, name: 'Council edit' })).toMatchObject({ version: 2 });
  });

  it('turns a stale version into CONFLICT and changes nothing', async () => {
    const lead = await callerAs('lead@a.example');
    expect(await codeOf(lead.journey.updateStep({ stepId: ids.remitStep, version: 1, name: 'Stale' }))).toBe('CONFLICT');
    const step = await database.db
      .selectFrom('journey_step')
      .select(['name', 'version'])
      .where('id', '=', ids.remitStep)
      .executeTakeFirstOrThrow();
    expect(step).toEqual({ name: 'Step 1.1', version: 2 });
  });

  it('writes exactly one audit event per change, with before and after', async () => {
    const events = await database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'step.updated')
      .where('entity_id', '=', ids.remitStep)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toMatchObject({ frontstage: '', version: 1 });
    expect(events[0]!.after).toMatchObject({ frontstage: 'Claims handler calls back', version: 2 });
  });
});

describe('members', () => {
  it('keeps the last admin', async () => {
    const admin = await callerAs('admin@a.example');
    expect(await codeOf(admin.member.changeRole({ userId: ids.admin, role: 'viewer' }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(admin.member.remove({ userId: ids.admin }))).toBe('PRECONDITION_FAILED');
  });
});
