import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PgBoss, type ConstructorOptions } from 'pg-boss';
import { describe, expect, it, onTestFinished } from 'vitest';
import { getKpi, recomputeKpi, type Db } from '@throughline/db';
import { createTestDatabase, insertOrganisation } from '@throughline/db/testing';
import { kpiRecompute, kpiRecomputeKey, kpiScheduleSweep } from '@throughline/jobs';
import { closeRunStateGate, until, type RunStateGate } from '@throughline/jobs/testing';
import { killWorkerProcesses, startWorkerProcess, takeWorkerOutput } from './testing/worker-process.ts';

// A KPI whose schedule last fired on 1 January: due until it has run, and due once only while a test runs.
const YEARLY = '0 0 1 1 *';

async function insertNpsKpi(db: Db, organisationId: string, key: string): Promise<string> {
  const kpi = await db
    .insertInto('kpi')
    .values({
      organisation_id: organisationId,
      key,
      name: key,
      kind: 'nps',
      source: JSON.stringify({ stream: 'survey', instrument: 'nps' }),
      scope_level: 'organisation',
      direction: 'higher_is_better',
      grain: 'month',
      schedule: YEARLY,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return kpi.id;
}

/** `count` NPS answers, two hours apart from January 2026, spread over scores and segments. */
async function insertResponses(db: Db, organisationId: string, count: number): Promise<void> {
  const segments = ['retail', 'business', null];
  const rows = Array.from({ length: count }, (_, i) => ({
    organisation_id: organisationId,
    source: 'survey',
    external_id: `r-${i}`,
    instrument: 'nps' as const,
    score: (i * 7) % 11,
    segment: segments[i % segments.length],
    occurred_at: new Date(Date.UTC(2026, 0, 1) + i * 2 * 3_600_000).toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 1_000)
    await db
      .insertInto('survey_response')
      .values(rows.slice(i, i + 1_000))
      .execute();
}

/** A KPI's results, less what differs from run to run (computed_at, run_id). */
const results = (db: Db, kpiId: string) =>
  db
    .selectFrom('kpi_result')
    .select(['grain', 'period_start', 'segment', 'value', 'n', 'ci_low', 'ci_high', 'method', 'small_sample'])
    .where('kpi_id', '=', kpiId)
    .orderBy('grain')
    .orderBy('period_start')
    .orderBy('segment')
    .execute();

/** The results an uninterrupted full recompute gives, computed here and rolled back. */
async function recomputedInProcess(db: Db, organisationId: string, kpiId: string) {
  const kpi = await getKpi(db, organisationId, kpiId);
  const rollback = new Error('rollback');
  let rows: Awaited<ReturnType<typeof results>> = [];
  await db
    .transaction()
    .execute(async (trx) => {
      await recomputeKpi(trx, organisationId, kpi, { full: true, now: new Date(), runId: randomUUID() });
      rows = await results(trx, kpiId);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return rows;
}

/** What a KPI's runs have committed: rollup days, results, run records and the runs results came from. */
async function committed(db: Db, kpiId: string) {
  const { rows } = await sql<{ days: number; results: number; runs: number; resultRunIds: string[]; lastRunId: string | null }>`
    SELECT (SELECT count(*)::int FROM kpi_day WHERE kpi_id = ${kpiId}) AS days,
           (SELECT count(*)::int FROM kpi_result WHERE kpi_id = ${kpiId}) AS results,
           (SELECT count(*)::int FROM kpi_run_state WHERE kpi_id = ${kpiId}) AS runs,
           (SELECT coalesce(array_agg(DISTINCT run_id::text), '{}') FROM kpi_result WHERE kpi_id = ${kpiId}) AS "resultRunIds",
           (SELECT last_run_id::text FROM kpi_run_state WHERE kpi_id = ${kpiId}) AS "lastRunId"`.execute(db);
  return rows[0]!;
}

const nothingCommitted = { days: 0, results: 0, runs: 0, resultRunIds: [], lastRunId: null };

/** Every kpi.recompute job pg-boss holds for a KPI, oldest first: completed jobs are kept for days. */
const recomputeJobs = async (db: Db, kpiId: string) =>
  (
    await sql<{ id: string; state: string; retryCount: number }>`
      SELECT id, state, retry_count AS "retryCount" FROM pgboss.job
      WHERE name = ${kpiRecompute.name} AND singleton_key = ${kpiRecomputeKey(kpiId)} ORDER BY created_on`.execute(db)
  ).rows;

const jobState = async (db: Db, id: string) =>
  (
    await sql<{
      state: string;
      retryCount: number;
    }>`SELECT state, retry_count AS "retryCount" FROM pgboss.job WHERE id = ${id}::uuid`.execute(db)
  ).rows[0];

/** Jobs of `names` not yet settled: created, waiting to retry, or running. */
const unsettled = async (db: Db, names: string[]) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY(${names}::text[]) AND state IN ('created', 'retry', 'active')`.execute(db)
  ).rows[0]!.n;

/**
 * A pg-boss of the test's own on the workers' database, to send jobs and to run one of pg-boss's
 * timers on the test's time scale instead of the workers' (a supervisor pass or a cron pass every
 * second rather than every minute or half minute). It works no queues.
 */
async function startTestBoss(connectionString: string, timers: Partial<ConstructorOptions>): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 2,
    registerInstance: false,
    supervise: false,
    schedule: false,
    ...timers,
  });
  boss.on('error', (error: Error) => console.error(`[test boss] ${error.message}`));
  await boss.start();
  return boss;
}

/** Sends two sweeps at once, as two workers' schedules would, and waits for both to finish. */
async function sweepTwice(boss: PgBoss, db: Db): Promise<void> {
  const ids = await Promise.all([boss.send(kpiScheduleSweep.name, {}), boss.send(kpiScheduleSweep.name, {})]);
  for (const id of ids) await until(async () => ((await jobState(db, id!))?.state === 'completed' ? true : undefined));
}

/** A fresh PostgreSQL database for one test, thrown away with everything the test started on it. */
async function testDatabase(cleanUp: { gate?: RunStateGate; boss?: PgBoss }) {
  const database = await createTestDatabase();
  if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  onTestFinished(async ({ task }) => {
    const output = takeWorkerOutput();
    if (task.result?.state === 'fail') console.error(`What the worker processes printed:\n${output}`);
    try {
      await killWorkerProcesses();
      await cleanUp.gate?.open();
      await cleanUp.boss?.stop({ graceful: false });
    } finally {
      await database.close();
    }
  });
  return database;
}

// Worker processes share one database, which PGlite cannot be: these run on PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)('worker processes on one PostgreSQL', () => {
  it('survives a worker killed mid-job (SIGKILL): the job is retried and results are identical', async () => {
    const cleanUp: { gate?: RunStateGate; boss?: PgBoss } = {};
    const { db, connectionString } = await testDatabase(cleanUp);
    const organisationId = (await insertOrganisation(db, 'harbour')).id;
    const kpiId = await insertNpsKpi(db, organisationId, 'org.nps');
    await insertResponses(db, organisationId, 2_000);
    const expected = await recomputedInProcess(db, organisationId, kpiId);
    expect(expected.length).toBeGreaterThan(20); // six months, each for all segments and for three

    const gate = (cleanUp.gate = await closeRunStateGate(db));
    const first = await startWorkerProcess(connectionString, 'tl-worker-first');
    // This boss supervises every second, so a job whose heartbeat stopped is failed for a retry as
    // soon as its heartbeat lapses rather than at the workers' next minutely pass.
    const boss = (cleanUp.boss = await startTestBoss(connectionString, {
      supervise: true,
      superviseIntervalSeconds: 1,
      monitorIntervalSeconds: 1,
    }));
    // A sweep from the workers' own schedule may have sent one first (also a full run: the KPI has
    // never run); either way one job holds the KPI's key.
    await boss.send(kpiRecompute.name, { organisationId, kpiId, full: true }, { singletonKey: kpiRecomputeKey(kpiId) });

    const [held] = await until(async () => {
      const waiting = await gate.waiting();
      return waiting.length > 0 ? waiting : undefined;
    });
    expect(held!.applicationName).toBe(first.name);
    // Mid-job: its results are written but, in its transaction, not yet visible.
    expect(await committed(db, kpiId)).toEqual(nothingCommitted);
    expect(await gate.hasWrittenResults(held!.pid), 'the recompute holds its write lock on kpi_result').toBe(true);
    const [job, ...others] = await recomputeJobs(db, kpiId);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ state: 'active', retryCount: 0 });

    await first.kill('SIGKILL');
    // Its backend still waits at the gate with the results written; let it through, to find its
    // client gone and roll back.
    await gate.open();
    await until(async () =>
      (await sql`SELECT 1 FROM pg_stat_activity WHERE pid = ${held!.pid}`.execute(db)).rows.length === 0 ? true : undefined,
    );
    expect(await committed(db, kpiId)).toEqual(nothingCommitted);

    const second = await startWorkerProcess(connectionString, 'tl-worker-second');
    const settled = await until(async () => {
      const now = await jobState(db, job!.id);
      return now && ['completed', 'failed', 'cancelled'].includes(now.state) ? now : undefined;
    }, 45_000);
    expect(settled).toEqual({ state: 'completed', retryCount: 1 });
    expect(await results(db, kpiId)).toEqual(expected);
    await second.kill('SIGTERM');
  }, 60_000);

  it('with two worker processes, each scheduled recompute runs once', async () => {
    const cleanUp: { gate?: RunStateGate; boss?: PgBoss } = {};
    const { db, connectionString } = await testDatabase(cleanUp);
    const organisationId = (await insertOrganisation(db, 'harbour')).id;
    const kpiIds: string[] = [];
    for (const key of ['org.nps', 'org.nps.2', 'org.nps.3', 'org.nps.4']) kpiIds.push(await insertNpsKpi(db, organisationId, key));
    await insertResponses(db, organisationId, 200);

    // Recomputes wait at the gate until the test has sent every sweep it means to while they run.
    const gate = (cleanUp.gate = await closeRunStateGate(db));
    const workers = await Promise.all([
      startWorkerProcess(connectionString, 'tl-worker-a'),
      startWorkerProcess(connectionString, 'tl-worker-b'),
    ]);
    // The sweep's own schedule fires the first sweep. Each worker runs a cron pass every 30 s; this
    // boss runs one every second, so the test need not wait for theirs.
    const boss = (cleanUp.boss = await startTestBoss(connectionString, {
      schedule: true,
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
    }));

    // Each worker takes a recompute and waits at the gate (one at a time per worker), so the other
    // worker must take the next: both are working, whichever fetched first.
    const names = await until(async () => {
      const waiting = new Set((await gate.waiting()).map((w) => w.applicationName));
      return waiting.size === 2 ? [...waiting].sort() : undefined;
    });
    expect(names).toEqual(workers.map((w) => w.name).sort());
    // The schedule records the sweep it fired (just after sending it, hence the wait).
    await until(async () => (await boss.getSchedules(kpiScheduleSweep.name))[0]?.lastJobId ?? undefined);

    // More sweeps while every recompute is queued or running, as other workers' schedules or a
    // later minute would send: the queue holds one per KPI, so they send nothing.
    await sweepTwice(boss, db);
    // From here only the test sweeps, at moments it chooses: the schedule is removed and whatever it
    // had queued is swept while the gate still holds. A sweep that lists the KPIs just before a
    // recompute commits and sends just after its job completes queues that KPI again; that race
    // is narrow and the repeat finds nothing new, but it is not what this test is about.
    await boss.unschedule(kpiScheduleSweep.name);
    await until(async () => ((await unsettled(db, ['__pgboss__send-it', kpiScheduleSweep.name])) === 0 ? true : undefined));

    await gate.open();
    await until(async () => ((await unsettled(db, [kpiRecompute.name])) === 0 ? true : undefined));
    // Sweeping again in the same slot sends nothing: every KPI has run since its schedule fired.
    await sweepTwice(boss, db);

    for (const kpiId of kpiIds) {
      expect((await recomputeJobs(db, kpiId)).map(({ state, retryCount }) => ({ state, retryCount }))).toEqual([
        { state: 'completed', retryCount: 0 },
      ]);
      // One run wrote the results and is the run on record: a second run would have replaced the record.
      const { results: written, resultRunIds, lastRunId } = await committed(db, kpiId);
      expect(written).toBeGreaterThan(0);
      expect(resultRunIds).toEqual([lastRunId]);
    }
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
  }, 60_000);
});
