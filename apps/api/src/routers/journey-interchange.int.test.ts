import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import type { JourneyDocument } from '@throughline/domain';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';

type Caller = ReturnType<typeof createCaller>;
const PASSWORD = 'a long enough password';
let database: Database;
let harbour: Caller;
let northwind: Caller;
let journeyId = '';

async function callerAs(email: string): Promise<Caller> {
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
    email,
    password: PASSWORD,
  });
  return createCaller(createInnerContext({ db: database.db, actor }));
}

const withoutTimestamp = ({ exportedAt: _, ...doc }: JourneyDocument) => doc;

async function counts(caller: Caller) {
  return { journeys: (await caller.journey.list()).length, systems: (await caller.system.list()).length };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  for (const [slug, email] of [
    ['harbour', 'lead@harbour.example'],
    ['northwind', 'lead@northwind.example'],
  ] as const) {
    const org = await insertOrganisation(database.db, slug, slug);
    await insertMember(database.db, org.id, { email, passwordHash, role: 'cx_lead' });
  }
  harbour = await callerAs('lead@harbour.example');
  northwind = await callerAs('lead@northwind.example');

  // A small blueprint in Harbour: two stages, systems on steps, a dependency.
  const sales = await harbour.team.create({ name: 'Sales', purpose: '', capabilities: ['design'], annualBudget: 0, spendingAuthority: 0 });
  const crm = await harbour.system.create({ name: 'CRM', description: '', ownerTeamId: sales.id });
  const core = await harbour.system.create({ name: 'Claims core', description: '', ownerTeamId: null });
  const created = await harbour.journey.create({ name: 'Make a claim', description: 'Loss to settlement', personas: ['Homeowner'] });
  journeyId = created.id;
  let v = created.version;
  const { stageId: report, journeyVersion: v1 } = await harbour.journey.addStage({ journeyId, journeyVersion: v, name: 'Report' });
  const { stageId: settle, journeyVersion: v2 } = await harbour.journey.addStage({ journeyId, journeyVersion: v1, name: 'Settle' });
  const { stepId: call, journeyVersion: v3 } = await harbour.journey.addStep({
    stageId: report,
    journeyVersion: v2,
    name: 'Call us',
    channel: 'phone',
  });
  const { stepId: pay, journeyVersion: v4 } = await harbour.journey.addStep({
    stageId: settle,
    journeyVersion: v3,
    name: 'Get paid',
    channel: 'email',
  });
  v = v4;
  await harbour.journey.updateStep({
    stepId: call,
    version: 1,
    customerAction: 'Phones the helpline',
    frontstage: 'Adviser',
    systemIds: [crm.id, core.id],
  });
  await harbour.journey.updateStep({ stepId: pay, version: 1, backstage: 'Finance pays', systemIds: [core.id], dependsOnStepIds: [call] });
  expect(v).toBeGreaterThan(1);
});
afterAll(() => database.close());

describe('journey interchange', () => {
  it('exports a journey and imports it into another organisation, unchanged', async () => {
    const doc = await harbour.journey.interchange.export({ id: journeyId });
    expect(doc.journey.stages.map((s) => s.steps.map((st) => st.name))).toEqual([['Call us'], ['Get paid']]);
    expect(doc.journey.stages[1]!.steps[0]!.dependsOn).toEqual([doc.journey.stages[0]!.steps[0]!.key]);

    const result = await northwind.journey.interchange.import({ document: doc, createMissingSystems: true });
    expect(result).toMatchObject({ stages: 2, steps: 2, systemsCreated: ['CRM', 'Claims core'] });
    const again = await northwind.journey.interchange.export({ id: result.journeyId });
    expect(withoutTimestamp(again)).toEqual(withoutTimestamp(doc));
  });

  it('refuses a file with any problem, reporting each by path, and creates nothing', async () => {
    const doc = await harbour.journey.interchange.export({ id: journeyId });
    doc.journey.name = 'A second claim journey';
    doc.journey.stages[1]!.steps[0]!.dependsOn = ['no-such-step'];
    doc.journey.stages[0]!.steps[0]!.systems = ['CRM', 'Mainframe'];
    const before = await counts(northwind);
    const error = await northwind.journey.interchange
      .import({ document: doc, createMissingSystems: false })
      .catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).cause).toMatchObject({
      issues: [
        { path: 'journey.stages.1.steps.0.dependsOn.0', message: 'names no step of this journey (“no-such-step”)' },
        { path: 'journey.stages.0.steps.0.systems.1', message: 'names no system of this organisation (“Mainframe”)' },
      ],
    });
    expect(await counts(northwind)).toEqual(before);
  });

  it('refuses a journey whose name is taken, creating none of its systems', async () => {
    const doc = await harbour.journey.interchange.export({ id: journeyId });
    doc.journey.stages[0]!.steps[0]!.systems = ['A brand new system'];
    const before = await counts(northwind);
    const error = await northwind.journey.interchange
      .import({ document: doc, createMissingSystems: true })
      .catch((e: unknown) => e as TRPCError);
    expect((error as TRPCError).code).toBe('CONFLICT');
    expect(await counts(northwind)).toEqual(before);
  });
});

describe('operating model health', () => {
  it('finds the journey without an owner and the step relying on a system owned outside its remit, each pointing to the journey', async () => {
    const { findings, counts: byKind } = await harbour.operatingModel.health();
    expect(byKind.journey_without_owner).toBe(1);
    expect(findings.find((f) => f.kind === 'journey_without_owner')).toMatchObject({
      severity: 'critical',
      fixAt: { area: 'journey', id: journeyId },
    });
    expect(findings.find((f) => f.kind === 'cross_boundary_dependency')?.message).toBe(
      '“Call us” in “Make a claim” depends on CRM, owned by Sales outside the journey’s remit.',
    );
    expect(byKind.system_without_owner).toBe(1);
    // Another organisation's model is its own: its copy of the journey is not counted here.
    expect(findings.filter((f) => f.kind === 'journey_without_owner')).toHaveLength(1);
  });
});
