import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { sql } from 'kysely';
import { DEMO_ORGANISATION_SLUG, DEMO_SIGN_IN, insertSession, listKpis, type Db } from '@throughline/db';
import { hashSecret, newSecret, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../src/auth/session-token.ts';
import { readApiEnv } from '../src/env.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { report, type Figure } from './report.ts';
import { scratchDatabase } from './scratch-database.ts';

// The platform as a department meets it: the one-process server (API, worker, web) on the
// embedded database, or on PostgreSQL when BENCH_DATABASE_URL names a server (a database of
// its own is created there and dropped after). 50 people load the KPI dashboard, pause a
// second and load it again; the same answers served from memory by a plain Express handler
// are the baseline. Beside it: how long the server's event loop is held (idle, first start,
// under load, during a 100,000-row import) and how soon ingested rows show in KPI results.
const adminUrl = process.env.BENCH_DATABASE_URL;
const on = adminUrl ? 'PostgreSQL' : 'embedded';
const USERS = 50;
const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 30) * 1000;
const IMPORT_ROWS = 100_000;
const BATCH = 5_000;
const quiet = () => {};
const figures: Figure[] = [];

const dir = mkdtempSync(join(tmpdir(), 'throughline-load-'));
const scratch = await scratchDatabase(adminUrl, 'load');
const env = {
  // The demo organisation on PostgreSQL too, where it is seeded only when asked for.
  ...readApiEnv({ PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data'), THROUGHLINE_DEMO: '1' }),
  databaseUrl: scratch.url,
};

const loop = monitorEventLoopDelay({ resolution: 10 });
const ms = (ns: number) => ns / 1e6;
/** The loop's delay over `work`: p99 and the longest single stall. */
async function loopDelay<T>(work: () => Promise<T>): Promise<{ result: T; p99: number; max: number }> {
  loop.reset();
  loop.enable();
  try {
    const result = await work();
    return { result, p99: ms(loop.percentile(99)), max: ms(loop.max) };
  } finally {
    loop.disable();
  }
}

let running: RunningServer | undefined;
try {
  const first = await loopDelay(() => startServer(env, quiet));
  running = first.result;
  const { db } = running.database;
  const base = running.url;
  await quietQueues(db);

  const idle = await loopDelay(() => sleep(5_000));
  figures.push({
    name: `event-loop delay max during first start, ${on}`,
    value: first.max,
    unit: 'ms',
    baselineName: 'the same, idle server',
    baselineValue: idle.max,
  });

  // What the dashboard page calls, in the rounds the browser makes when it is opened: the shell
  // asks who is signed in, then the page asks for the lists, every card and the names of the
  // steps KPIs are scoped to in one batch (the page-loading browser test holds it to that).
  const organisation = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', DEMO_ORGANISATION_SLUG)
    .executeTakeFirstOrThrow();
  const kpis = await listKpis(db, organisation.id);
  const anyStep = kpis.some((k) => k.scope.level === 'step');
  const rounds = [
    `/trpc/auth.me?batch=1&input=${encodeURIComponent('{}')}`,
    `/trpc/kpi.dashboard,kpi.list,team.list,journey.list${anyStep ? ',journey.stepNames' : ''}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { periods: 12 } }))}`,
  ];
  const cookies = await sessions(db, organisation.id, USERS);

  const load = await loopDelay(() => virtualUsers(base, cookies, rounds));
  const bodies = await Promise.all(rounds.map(async (path) => (await fetch(base + path, { headers: { cookie: cookies[0]! } })).text()));
  const plain = await plainExpress(rounds, bodies);
  const baseline = await virtualUsers(plain.base, cookies, rounds).finally(() => plain.server.close());
  figures.push(
    {
      name: `dashboard p95 at ${USERS} users, ${on}`,
      value: load.result.p95,
      unit: 'ms',
      baselineName: 'the same JSON from memory, plain Express',
      baselineValue: baseline.p95,
    },
    {
      name: `dashboard p95 at ${USERS} users, each person's first page, ${on}`,
      value: load.result.firstP95,
      unit: 'ms',
      baselineName: 'the same JSON from memory, plain Express',
      baselineValue: baseline.firstP95,
    },
    {
      name: `dashboard p95 at ${USERS} users, pages after each person's first, ${on}`,
      value: load.result.laterP95,
      unit: 'ms',
      baselineName: 'the same JSON from memory, plain Express',
      baselineValue: baseline.laterP95,
    },
    {
      name: `dashboard pages/s at ${USERS} users, ${on}`,
      value: load.result.perSecond,
      unit: 'pages/s',
      baselineName: 'the same JSON from memory, plain Express',
      baselineValue: baseline.perSecond,
    },
    {
      name: `dashboard errors at ${USERS} users, ${on}`,
      value: load.result.errors,
      unit: 'pages',
      baselineName: 'the same JSON from memory, plain Express',
      baselineValue: baseline.errors,
    },
    {
      name: `event-loop delay p99 under load, ${on}`,
      value: load.p99,
      unit: 'ms',
      baselineName: 'the same, idle server',
      baselineValue: idle.p99,
    },
    {
      name: `event-loop delay max under load, ${on}`,
      value: load.max,
      unit: 'ms',
      baselineName: 'the same, idle server',
      baselineValue: idle.max,
    },
  );
  if (load.result.errors > 0) console.error(`errors under load, e.g.:\n${load.result.errorSamples.join('\n')}`);

  // A 100,000-row import through the API as the typed client sends it (5,000-row calls, two in
  // flight), with /readyz asked every 100 ms meanwhile.
  const token = await ingestToken(db, organisation.id);
  const imported = await loopDelay(() =>
    whilePolling(base, async () => {
      let next = 0;
      const sender = async () => {
        while (next < IMPORT_ROWS / BATCH) await ingest(base, token, responses(`import-${next++}`, BATCH, 'Homeowner'));
      };
      await Promise.all([sender(), sender()]);
    }),
  );
  figures.push(
    {
      name: `event-loop delay max during a 100,000-row import, ${on}`,
      value: imported.max,
      unit: 'ms',
      baselineName: 'the same, idle server',
      baselineValue: idle.max,
    },
    {
      name: `max /readyz latency during a 100,000-row import, ${on}`,
      value: imported.result.maxReadyMs,
      unit: 'ms',
      baselineName: 'the import itself',
      baselineValue: imported.result.ms,
    },
  );
  await quietQueues(db);

  // Freshness: rows stored now, then kpi.results asked every 100 ms until the period to date
  // counts them. Median of three.
  const nps = kpis.find((k) => k.kind === 'nps' && k.scope.level === 'organisation');
  if (!nps) throw new Error('the demo has no organisation-wide NPS KPI');
  const visible: number[] = [];
  const callOnly: number[] = [];
  for (let round = 0; round < 3; round++) {
    const before = await toDateN(base, cookies[0]!, nps.id);
    const t0 = performance.now();
    await ingest(base, token, responses(`fresh-${round}-${randomUUID().slice(0, 6)}`, 20, 'Landlord', new Date()));
    callOnly.push(performance.now() - t0);
    while ((await toDateN(base, cookies[0]!, nps.id)) < before + 20) {
      if (performance.now() - t0 > 120_000) throw new Error('ingested rows did not show in KPI results within 2 minutes');
      await sleep(100);
    }
    visible.push(performance.now() - t0);
  }
  figures.push({
    name: `fresh: ingest to KPI visible${adminUrl ? ', PostgreSQL' : ''}`,
    value: median(visible),
    unit: 'ms',
    baselineName: 'the ingest call alone',
    baselineValue: median(callOnly),
  });
  report(figures);
} finally {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
  await scratch.drop();
}

function sleep(msToWait: number) {
  return new Promise((r) => setTimeout(r, msToWait));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Waits until no job is queued or running (the first start's recomputes, an import's refreshes). */
async function quietQueues(db: Db): Promise<void> {
  const until = performance.now() + 300_000;
  for (let quietFor = 0; quietFor < 2;) {
    const { n } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`
      .execute(db)
      .then((r) => r.rows[0]!);
    quietFor = n === 0 ? quietFor + 1 : 0;
    if (performance.now() > until) throw new Error('jobs did not finish within 5 minutes');
    await sleep(1_000);
  }
}

/** A signed-in session per person, as the web app holds in its cookie. */
async function sessions(db: Db, organisationId: string, count: number): Promise<string[]> {
  const user = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_SIGN_IN.email).executeTakeFirstOrThrow();
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = newSecret();
    const now = new Date();
    await insertSession(db, {
      tokenHash: hashSecret(token),
      userId: user.id,
      organisationId,
      now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    });
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }
  return cookies;
}

/** Runs the virtual users on their own thread and sums up their page times. */
async function virtualUsers(base: string, cookies: string[], rounds: string[]) {
  const worker = new Worker(new URL('./virtual-users.mjs', import.meta.url), {
    workerData: { base, cookies, rounds, durationMs: LOAD_MS, pauseMs: 1_000 },
  });
  const out = await new Promise<{ pageMs: number[]; firstPageMs: number[]; errors: number; errorSamples: string[] }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const p95 = (pages: number[]) => {
    const sorted = [...pages].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
  };
  return {
    p95: p95([...out.firstPageMs, ...out.pageMs]),
    firstP95: p95(out.firstPageMs),
    laterP95: p95(out.pageMs),
    perSecond: (out.firstPageMs.length + out.pageMs.length) / (LOAD_MS / 1000),
    errors: out.errors,
    errorSamples: out.errorSamples,
  };
}

/** The same answers from memory, at the same addresses, by Express with nothing else in the way. */
async function plainExpress(paths: string[], bodies: string[]): Promise<{ base: string; server: Server }> {
  const app = express();
  const byPath = new Map(paths.map((p, i) => [p.split('?')[0]!, bodies[i]!]));
  app.get(/^\/trpc\//, (req, res) => {
    res.type('json').send(byPath.get(req.path));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function ingestToken(db: Db, organisationId: string): Promise<string> {
  const user = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_SIGN_IN.email).executeTakeFirstOrThrow();
  const token = `tl_bench${randomUUID()}`;
  await db
    .insertInto('api_token')
    .values({
      organisation_id: organisationId,
      name: `bench ${token.slice(-6)}`,
      token_hash: hashSecret(token),
      prefix: token.slice(0, 9),
      scopes: ['ingest:write'],
      created_by: user.id,
    })
    .execute();
  return token;
}

function responses(prefix: string, count: number, segment: string, at?: Date) {
  return Array.from({ length: count }, (_, i) => ({
    source: 'bench',
    externalId: `${prefix}-${i}`,
    instrument: 'nps' as const,
    score: i % 11,
    customerId: `B${i % 20_000}`,
    journeyId: null,
    stepId: null,
    channel: 'web',
    segment,
    verbatim: null,
    occurredAt: (at ?? new Date(Date.UTC(2026, 0, 1) + i * 60_000)).toISOString(),
  }));
}

async function ingest(base: string, token: string, rows: ReturnType<typeof responses>): Promise<void> {
  const res = await fetch(`${base}/trpc/ingest.surveyResponses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ responses: rows }),
  });
  if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
}

async function toDateN(base: string, cookie: string, kpiId: string): Promise<number> {
  const res = await fetch(`${base}/trpc/kpi.results?input=${encodeURIComponent(JSON.stringify({ kpiId }))}`, { headers: { cookie } });
  const body = (await res.json()) as { result: { data: { toDate: { value: { n: number } } | null } } };
  return body.result.data.toDate?.value.n ?? 0;
}

/** Runs `work` while asking /readyz every 100 ms; the slowest answer and the work's own time. */
async function whilePolling(base: string, work: () => Promise<void>): Promise<{ ms: number; maxReadyMs: number }> {
  let done = false;
  let maxReadyMs = 0;
  const poller = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${base}/readyz`);
      await res.text();
      maxReadyMs = Math.max(maxReadyMs, performance.now() - t);
      await sleep(100);
    }
  })();
  const t0 = performance.now();
  await work();
  const spent = performance.now() - t0;
  done = true;
  await poller;
  return { ms: spent, maxReadyMs };
}
