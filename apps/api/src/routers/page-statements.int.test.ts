import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN, listKpis, recomputeKpi, seedDemoIfEmpty, type Database, type Db } from '@throughline/db';
import { countingDb, createTestDatabase, insertJourney } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createApp } from '../http/app.ts';
import { createCaller } from '../router.ts';

// The demo as the start command seeds it, then grown by ten KPIs, a journey, stages, steps,
// systems, failure points, initiatives and outcomes: each page's call must cost the same number
// of statements before and after, so a bigger organisation costs rows, never round trips.
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

let database: Database;
let counting: ReturnType<typeof countingDb>;
let server: Server;
let base = '';
let orgId = '';
let journeyId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, { adminPasswordHash: await hashPassword(DEMO_SIGN_IN.password), now: TODAY });
  orgId = (await database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  for (const kpi of await listKpis(database.db, orgId)) {
    await database.db.transaction().execute((trx) => recomputeKpi(trx, orgId, kpi, { full: true, now: new Date(), runId: randomUUID() }));
  }
  journeyId = (
    await database.db.selectFrom('journey').select('id').where('organisation_id', '=', orgId).orderBy('name').executeTakeFirstOrThrow()
  ).id;
  counting = countingDb(database.db);
  server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: counting.db, log: () => {} }).listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => {
  server.close();
  await database.close();
});

/** The statements one call runs, and what it returned. */
async function statementsOf<T>(call: () => Promise<T>): Promise<{ statements: number; result: T }> {
  counting.reset();
  const result = await call();
  return { statements: counting.statements(), result };
}

/** The call each page makes on load (and the scorecard's downloads), on the organisation as it is now. */
async function pageCalls() {
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn(DEMO_SIGN_IN);
  const caller = createCaller(createInnerContext({ db: counting.db, actor }));
  // A fresh session per download, so no "last seen" write falls inside one measurement and not the other.
  const download = async (format: 'csv' | 'pdf') => {
    const signIn = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_SIGN_IN),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    return statementsOf(async () => {
      const res = await fetch(`${base}/export/scorecard.${format}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    });
  };
  const scorecard = await statementsOf(() => caller.scorecard.get());
  const blueprint = await statementsOf(() => caller.journey.blueprint({ id: journeyId }));
  const backlog = await statementsOf(() => caller.initiative.backlog());
  return {
    scorecard: {
      statements: scorecard.statements,
      rows: scorecard.result.journeys.flatMap((j) => j.kpis).length + scorecard.result.journeys.length,
    },
    csv: { statements: (await download('csv')).statements },
    pdf: { statements: (await download('pdf')).statements },
    blueprint: {
      statements: blueprint.statements,
      rows: blueprint.result.journey.stepCount + blueprint.result.systems.length + blueprint.result.remits.length,
    },
    backlog: { statements: backlog.statements, rows: backlog.result.initiatives.length },
  };
}

/** Ten more KPIs on the journey (with its first KPI's daily figures), and more of everything the pages list. */
async function grow(db: Db) {
  const model = (await listKpis(db, orgId)).find((k) => k.scope.level === 'journey' && k.scope.journeyId === journeyId)!;
  for (let i = 0; i < 10; i++) {
    const { id } = await db
      .insertInto('kpi')
      .values({
        organisation_id: orgId,
        key: `${model.key}.copy${i}`,
        name: `${model.name} (copy ${i})`,
        unit: model.unit,
        kind: model.kind,
        source: JSON.stringify(model.source),
        scope_level: 'journey',
        journey_id: journeyId,
        step_id: null,
        owner_team_id: model.ownerTeamId,
        direction: model.direction,
        target: model.target,
        threshold: model.threshold,
        grain: model.grain,
        schedule: model.schedule,
        value_per_point: 1_000 + i,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO kpi_day SELECT organisation_id, ${id}::uuid, day, segment, n, positives, negatives, sum, sum_squares, denominator, samples FROM kpi_day WHERE kpi_id = ${model.id}`.execute(
      db,
    );
  }
  const team = (await db.selectFrom('team').select('id').where('organisation_id', '=', orgId).orderBy('name').executeTakeFirstOrThrow()).id;
  const other = await insertJourney(db, orgId, 'Zz grown journey', { accountableTeamId: team, stages: 3, stepsPerStage: 4 });
  await db
    .insertInto('remit')
    .values({ organisation_id: orgId, journey_id: journeyId, team_id: team, role: 'contributing' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const stage = await db
    .insertInto('journey_stage')
    .values({ organisation_id: orgId, journey_id: journeyId, name: 'Grown stage', position: 99 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const steps = await db
    .insertInto('journey_step')
    .values(
      Array.from({ length: 8 }, (_, p) => ({
        organisation_id: orgId,
        journey_id: journeyId,
        stage_id: stage.id,
        name: `Grown step ${p}`,
        channel: 'web',
        position: p,
      })),
    )
    .returning('id')
    .execute();
  const systems = await db
    .insertInto('system')
    .values(Array.from({ length: 6 }, (_, i) => ({ organisation_id: orgId, name: `Grown system ${i}`, owner_team_id: team })))
    .returning('id')
    .execute();
  await db
    .insertInto('step_system')
    .values(steps.map((s, i) => ({ organisation_id: orgId, step_id: s.id, system_id: systems[i % systems.length]!.id })))
    .execute();
  await db
    .insertInto('step_dependency')
    .values(steps.slice(1).map((s, i) => ({ organisation_id: orgId, step_id: s.id, depends_on_step_id: steps[i]!.id })))
    .execute();
  const failures = await db
    .insertInto('failure_point')
    .values(
      steps.map((s, i) => ({
        organisation_id: orgId,
        journey_id: journeyId,
        step_id: s.id,
        title: `Grown failure ${i}`,
        expectation: 5,
        capability: 2,
        frequency: 100 + i,
        frequency_period: 'month' as const,
        cost_basis: 'contact',
        unit_cost: 5,
      })),
    )
    .returning('id')
    .execute();
  const initiatives = await db
    .insertInto('initiative')
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        organisation_id: orgId,
        title: `Grown initiative ${i}`,
        journey_id: i % 2 ? journeyId : other.id,
        team_id: team,
        kpi_id: model.id,
        expected_uplift: 1 + i,
        one_off_business: 10_000,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('initiative_failure_point')
    .values(
      initiatives.map((init, i) => ({
        organisation_id: orgId,
        initiative_id: init.id,
        failure_point_id: failures[i % failures.length]!.id,
      })),
    )
    .execute();
  await db
    .insertInto('outcome')
    .values(
      [0, 1, 2].map((i) => ({
        organisation_id: orgId,
        journey_id: other.id,
        kpi_id: model.id,
        title: `Grown outcome ${i}`,
        baseline: 10,
        target: 20 + i,
        by_date: '2027-06-30',
      })),
    )
    .execute();
}

type PageCalls = Awaited<ReturnType<typeof pageCalls>>;
let demo: PageCalls;
let grown: PageCalls;

describe('each page loads in one call whose statements do not grow with the organisation', () => {
  beforeAll(async () => {
    demo = await pageCalls();
    await grow(database.db);
    grown = await pageCalls();
  }, 120_000);

  it('reads the scorecard, and its CSV and PDF, in nine statements however many KPIs and journeys', () => {
    // Ten more KPIs and one more journey on the scorecard, not one more statement.
    expect(grown.scorecard.rows - demo.scorecard.rows).toBe(10 + 1);
    expect([demo.scorecard.statements, grown.scorecard.statements]).toEqual([9, 9]);
    // A download is the same procedure behind the session's look-up.
    for (const calls of [demo, grown]) expect([calls.csv.statements, calls.pdf.statements]).toEqual([10, 10]);
  });

  it('reads a journey blueprint in seven statements however many stages, steps, systems and remits', () => {
    expect(grown.blueprint.rows).toBeGreaterThan(demo.blueprint.rows);
    expect([demo.blueprint.statements, grown.blueprint.statements]).toEqual([7, 7]);
  });

  it('reads the backlog in seven statements however many initiatives', () => {
    expect(grown.backlog.rows).toBe(demo.backlog.rows + 12);
    expect([demo.backlog.statements, grown.backlog.statements]).toEqual([7, 7]);
  });
});
