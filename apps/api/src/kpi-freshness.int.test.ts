import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Database, Db } from '@throughline/db';
import { createTestDatabase, insertKpi, insertMember, insertOrganisation } from '@throughline/db/testing';
import { kpiRefreshSender, startWorker, type Worker } from '@throughline/jobs';
import { hashPassword } from './auth/password.ts';
import { createInnerContext } from './context.ts';
import { createApp } from './http/app.ts';
import { createCaller } from './router.ts';

/**
 * An ingest makes its KPIs fresh by itself: the new rows show in `kpi.results` within 10 s, with
 * no "Recompute now", for a KPI whose own schedule (nightly) will not come round for hours.
 */
const FRESH_WITHIN_MS = 10_000;
const PASSWORD = 'a long enough password';
// Nightly at 02:00: by the time the test runs the KPI has had its run for today's slot, so only
// the ingest's refresh can bring new rows in before tomorrow night.
const NIGHTLY = '0 2 * * *';

/** The test's own organisation, admin and nightly NPS KPI, with 10 answers last month: NPS +40. */
async function arrange(db: Db): Promise<{ kpiId: string; month: string }> {
  const organisationId = (await insertOrganisation(db, 'harbour', 'Harbour')).id;
  await insertMember(db, organisationId, { email: 'ada@harbour.example', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
  const kpiId = await insertKpi(db, organisationId, { key: 'org.nps', name: 'NPS' });
  await db.updateTable('kpi').set({ schedule: NIGHTLY }).where('id', '=', kpiId).execute();
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const scores = [10, 10, 9, 9, 9, 10, 8, 7, 3, 6];
  await db
    .insertInto('survey_response')
    .values(
      scores.map((score, i) => ({
        organisation_id: organisationId,
        source: 's',
        external_id: `seed-${i}`,
        instrument: 'nps',
        score,
        occurred_at: new Date(lastMonth.getTime() + (i + 1) * 3_600_000).toISOString(),
      })),
    )
    .execute();
  return { kpiId, month: lastMonth.toISOString().slice(0, 10) };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/** Signs in as the admin and creates a token that may ingest and read KPIs, as an integrator's admin would. */
async function integratorToken(base: string): Promise<string> {
  const signIn = await post(`${base}/trpc/auth.signIn`, { email: 'ada@harbour.example', password: PASSWORD });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const created = await post(`${base}/trpc/token.create`, { name: 'pipeline', scopes: ['ingest:write', 'kpi:read'] }, { cookie });
  expect(created.status).toBe(200);
  return ((await created.json()) as { result: { data: { token: string } } }).result.data.token;
}

/** The KPI's result for `month` as `kpi.results` answers over HTTP, or undefined before it has one. */
async function monthResult(
  base: string,
  token: string,
  kpiId: string,
  month: string,
): Promise<{ value: number | null; n: number } | undefined> {
  const res = await fetch(`${base}/trpc/kpi.results?input=${encodeURIComponent(JSON.stringify({ kpiId }))}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const { series } = ((await res.json()) as { result: { data: { series: { periodStart: string; value: number | null; n: number }[] } } })
    .result.data;
  return series.find((p) => p.periodStart === month);
}

/** Polls `read` every 100 ms until `done` holds, for at most `timeoutMs`; hands back the last value and when it came. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; at: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, at: performance.now() };
    if (performance.now() > deadline) return { value, at: performance.now() };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the KPI's first run (the worker's start-up sweep), sends ten promoters last month, and times their arrival in kpi.results. */
async function ingestAndTime(base: string, kpiId: string, month: string): Promise<number> {
  const token = await integratorToken(base);
  const before = await pollUntil(
    () => monthResult(base, token, kpiId, month),
    (r) => r?.n === 10,
    60_000,
  );
  expect(before.value, 'the start-up sweep computes the KPI once').toMatchObject({ n: 10, value: 40 });
  const lastRun = async () => {
    const res = await fetch(`${base}/trpc/kpi.results?input=${encodeURIComponent(JSON.stringify({ kpiId }))}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { result: { data: { lastRunAt: string | null } } }).result.data.lastRunAt;
  };
  expect(await lastRun()).not.toBeNull();

  const responses = Array.from({ length: 10 }, (_, i) => ({
    source: 'survey-tool',
    externalId: `new-${i}`,
    instrument: 'nps',
    score: 10,
    customerId: null,
    journeyId: null,
    stepId: null,
    channel: null,
    segment: null,
    verbatim: null,
    occurredAt: new Date(Date.parse(`${month}T00:00:00Z`) + (i + 20) * 3_600_000).toISOString(),
  }));
  const res = await post(`${base}/trpc/ingest.surveyResponses`, { responses }, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ result: { data: { received: 10, inserted: 10, duplicates: 0 } } });
  const stored = performance.now();
  const after = await pollUntil(
    () => monthResult(base, token, kpiId, month),
    (r) => r?.n === 20,
    FRESH_WITHIN_MS,
  );
  // 16 promoters, 2 passives, 2 detractors of 20: NPS +70.
  expect(after.value, `kpi.results within ${FRESH_WITHIN_MS / 1000} s of the batch being stored`).toMatchObject({ n: 20, value: 70 });
  return (after.at - stored) / 1000;
}

const measured: string[] = [];
afterEach(() => {
  if (measured.length) console.log(measured.splice(0).join('\n'));
});

describe('an ingest refreshes the KPIs it feeds', () => {
  it(`in one process (the API with its worker): new rows show in kpi.results within ${FRESH_WITHIN_MS / 1000} s`, async () => {
    const database: Database = await createTestDatabase();
    let worker: Worker | null = null;
    let server: Server | null = null;
    onTestFinished(async () => {
      server?.closeAllConnections();
      server?.close();
      await worker?.stop();
      await database.close();
    });
    const { kpiId, month } = await arrange(database.db);
    worker = await startWorker(database, { log: () => {} });
    const app = createApp({ db: database.db, log: (m) => console.error(m), kpiRefresh: kpiRefreshSender(worker.boss) });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const seconds = await ingestAndTime(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, kpiId, month);
    measured.push(`ingest → visible in kpi.results, one process on ${database.kind}: ${seconds.toFixed(2)} s`);
    // One refresh ran, for the one KPI the batch fed. Its result is visible a moment before the queue records the job as done.
    const refreshes = await pollUntil(
      async () => (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'kpi.refresh'`.execute(database.db)).rows,
      (rows) => rows.every((r) => r.state !== 'created' && r.state !== 'active'),
      10_000,
    );
    expect(refreshes.value).toEqual([{ state: 'completed' }]);
  }, 90_000);

  // Separate processes share one database, which PGlite cannot be: PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    `with an API-only process and a worker process on PostgreSQL: within ${FRESH_WITHIN_MS / 1000} s`,
    async () => {
      const database = await createTestDatabase();
      if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const children: Started[] = [];
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail') for (const c of children) console.error(`--- ${c.name}\n${c.output()}`);
        await Promise.all(children.map((c) => c.stop()));
        await database.close();
      });
      const { kpiId, month } = await arrange(database.db);
      // The API first: its send-only pg-boss creates the refresh queue even before any worker runs.
      const api = await startProcess(
        'api',
        new URL('./main.ts', import.meta.url).pathname,
        { DATABASE_URL: database.connectionString, THROUGHLINE_ROLE: 'api', PORT: '0', WEB_DIST: '/nonexistent' },
        /running at (http:\/\/\S+)/,
      );
      children.push(api);
      const worker = await startProcess(
        'worker',
        new URL('../../worker/src/main.ts', import.meta.url).pathname,
        { DATABASE_URL: database.connectionString },
        /\[worker\] started/,
      );
      children.push(worker);
      const seconds = await ingestAndTime(api.match[1]!, kpiId, month);
      measured.push(`ingest → visible in kpi.results, API and worker processes on PostgreSQL: ${seconds.toFixed(2)} s`);
      // The API process has no worker: it must not have run the refresh itself.
      expect(api.output()).not.toContain('[worker]');
    },
    120_000,
  );
});

describe('what an ingest asks to refresh', () => {
  const response = (i: number, instrument: 'nps' | 'csat') => ({
    source: 'survey-tool',
    externalId: `r-${i}`,
    instrument,
    score: 4,
    customerId: null,
    journeyId: null,
    stepId: null,
    channel: null,
    segment: null,
    verbatim: null,
    occurredAt: '2026-11-02T09:00:00Z',
  });
  const event = (i: number, type: string) => ({
    source: 'crm',
    externalId: `e-${i}`,
    type,
    value: 1,
    customerId: null,
    journeyId: null,
    stepId: null,
    attributes: {},
    occurredAt: '2026-11-02T09:00:00Z',
  });

  it('the KPIs that read the stored rows, once they are stored; nothing for a batch of duplicates; and a queue failure fails no batch', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.close());
    const { db } = database;
    const organisationId = (await insertOrganisation(db, 'harbour')).id;
    const kpi = (key: string, source: object) =>
      db
        .insertInto('kpi')
        .values({
          organisation_id: organisationId,
          key,
          name: key,
          kind: 'count',
          source: JSON.stringify(source),
          scope_level: 'organisation',
          direction: 'higher_is_better',
          grain: 'month',
          schedule: NIGHTLY,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const nps = await kpi('nps', { stream: 'survey', instrument: 'nps' });
    await kpi('ces', { stream: 'survey', instrument: 'ces' });
    const costToServe = await kpi('cost-to-serve', { stream: 'operational', eventType: 'cost', denominatorEventType: 'sale' });

    const sent: { organisationId: string; kpiIds: readonly string[]; storedBefore: number }[] = [];
    const storedRows = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT (SELECT count(*) FROM survey_response)::int + (SELECT count(*) FROM operational_event)::int AS n`.execute(db)
      ).rows[0]!.n;
    const actor = {
      kind: 'token' as const,
      tokenId: '00000000-0000-4000-8000-000000000001',
      organisationId,
      scopes: ['ingest:write' as const],
    };
    const recording = createCaller(
      createInnerContext({
        db,
        actor,
        kpiRefresh: { send: async (org, kpiIds) => void sent.push({ organisationId: org, kpiIds, storedBefore: await storedRows() }) },
      }),
    );

    await recording.ingest.surveyResponses({ responses: [response(1, 'nps'), response(2, 'csat')] });
    expect(sent).toEqual([{ organisationId, kpiIds: [nps], storedBefore: 2 }]);
    await recording.ingest.surveyResponses({ responses: [response(1, 'nps')] });
    expect(sent, 'a batch of duplicates changes no KPI').toHaveLength(1);
    await recording.ingest.operationalEvents({ events: [event(1, 'sale'), event(2, 'claim_reported')] });
    expect(sent.at(-1)).toEqual({ organisationId, kpiIds: [costToServe], storedBefore: 4 });

    const logged: string[] = [];
    const failing = createCaller(
      createInnerContext({
        db,
        actor,
        log: (m) => logged.push(m),
        kpiRefresh: { send: () => Promise.reject(new Error('pg-boss is down')) },
      }),
    );
    expect(await failing.ingest.surveyResponses({ responses: [response(3, 'nps')] })).toEqual({ received: 1, inserted: 1, duplicates: 0 });
    expect(await storedRows()).toBe(5);
    expect(logged).toEqual([expect.stringContaining("could not queue its KPIs' refresh") as unknown]);
    expect(logged[0]).toContain('pg-boss is down');
  });
});

interface Started {
  name: string;
  match: RegExpMatchArray;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `main` in a process of its own and resolves once its output matches `ready`. */
function startProcess(name: string, main: string, env: Record<string, string>, ready: RegExp): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), 10_000));
    if ((await Promise.race([exited, timer])) === 'late') {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = ready.exec(text);
      if (match) resolve({ name, match, output: () => text, stop });
    });
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${text}`)));
  });
}
