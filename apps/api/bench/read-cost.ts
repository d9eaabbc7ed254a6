import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import compression from 'compression';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { initTRPC } from '@trpc/server';
import { parseCookie } from 'cookie';
import express from 'express';
import helmet from 'helmet';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  buildKpiDashboard,
  DEMO_SIGN_IN,
  findSessionActor,
  listKpis,
  migrateToLatest,
  openEphemeralPglite,
  openPostgres,
  recomputeKpi,
  seedDemoIfEmpty,
  type Database,
} from '@throughline/db';
import { selectionOf, ZKpiCardResults, ZKpiDefinition } from '@throughline/domain';
import { hashPassword } from '../src/auth/password.ts';
import { hashSecret, SESSION_COOKIE, SESSION_IDLE_MS } from '../src/auth/session-token.ts';
import { createInnerContext } from '../src/context.ts';
import { createApp } from '../src/http/app.ts';
import { trpcMiddleware } from '../src/http/trpc-middleware.ts';
import { createCaller } from '../src/router.ts';

// Where the time of one simple authenticated read goes, stage by stage: not a figure with a bar,
// a breakdown to read when a read gets slower. Each stage runs alone, one call after another, and
// is given in microseconds of this process's CPU per call (wall time beside it: a stage that waits
// on the database waits longer than it works). The HTTP layers are measured by what they add to a
// bare Express handler answering the same bytes, loaded by autocannon from a worker thread, as the
// server thread's own CPU time per call. On PostgreSQL when BENCH_DATABASE_URL is set, else embedded.
//   BENCH_DATABASE_URL=postgres://… tsx bench/read-cost.ts
const url = process.env.BENCH_DATABASE_URL;
const database: Database = url ? openPostgres(url, 10) : await openEphemeralPglite();
const { db } = database;
await migrateToLatest(db);
const today = new Date(new Date().toISOString().slice(0, 10));
await seedDemoIfEmpty(db, { adminPasswordHash: await hashPassword(DEMO_SIGN_IN.password), now: today });
const org = await db.selectFrom('organisation').select('id').where('slug', '=', 'harbour-home').executeTakeFirstOrThrow();
const kpis = await listKpis(db, org.id);
// The dashboard is a big answer only once its KPIs have results.
const computed = await db
  .selectFrom('kpi_result')
  .select(sql<number>`count(*)::int`.as('n'))
  .where('organisation_id', '=', org.id)
  .executeTakeFirstOrThrow();
if (computed.n === 0) for (const kpi of kpis) await recomputeKpi(db, org.id, kpi, { full: true, now: new Date(), runId: randomUUID() });

const rows: { stage: string; cpu: number; wall: number }[] = [];
async function stage(name: string, calls: number, work: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(200, calls); i++) await work();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await work();
  const cpu = process.cpuUsage(c0);
  rows.push({ stage: name, cpu: (cpu.user + cpu.system) / calls, wall: ((performance.now() - t0) * 1000) / calls });
}

const app = createApp({ db, log: () => {} });
const listening = async (a: express.Express) => {
  const server = a.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};
const api = await listening(app);
const signIn = await fetch(`${api.base}/trpc/auth.signIn`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(DEMO_SIGN_IN),
});
const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
const token = parseCookie(cookie)[SESSION_COOKIE]!;
const actor = (await findSessionActor(db, hashSecret(token), new Date(), SESSION_IDLE_MS))!;

await stage('cookie → SHA-256', 20_000, () => hashSecret(parseCookie(cookie)[SESSION_COOKIE]!));
await stage('session + membership lookup (one statement)', 2_000, () =>
  findSessionActor(db, hashSecret(token), new Date(), SESSION_IDLE_MS),
);
const listQuery = () => db.selectFrom('kpi').selectAll().where('organisation_id', '=', org.id).orderBy('key');
await stage('kpi.list: Kysely builds and compiles', 20_000, () => listQuery().compile());
await stage('kpi.list: listKpis (SQL, rows → definitions)', 2_000, () => listKpis(db, org.id));
const list = await listKpis(db, org.id);
await stage('kpi.list: output validation', 5_000, () => z.array(ZKpiDefinition).parse(list));
await stage('kpi.list: JSON.stringify', 5_000, () => JSON.stringify(list));
const caller = createCaller(createInnerContext({ db, actor }));
await stage('kpi.list through tRPC without HTTP (actor given)', 2_000, () => caller.kpi.list());
const selection = selectionOf({});
const dashboard = await buildKpiDashboard(db, org.id, list, selection, { now: new Date(), periods: 12 });
await stage(`kpi.dashboard: build (${Math.round(JSON.stringify(dashboard).length / 1024)} KB)`, 200, () =>
  buildKpiDashboard(db, org.id, list, selection, { now: new Date(), periods: 12 }),
);
await stage('kpi.dashboard: output validation', 1_000, () => z.array(ZKpiCardResults).parse(dashboard));
await stage('kpi.dashboard: JSON.stringify', 1_000, () => JSON.stringify(dashboard));
await stage('kpi.dashboard through tRPC without HTTP (actor given)', 200, () => caller.kpi.dashboard());

// HTTP layers: each server answers the same kpi.list bytes from memory, with one layer more.
const body = JSON.stringify([{ result: { data: list } }]);
const bare = () => {
  const a = express();
  a.get('/x', (_req, res) => void res.type('application/json').send(body));
  return a;
};
const withHelmet = express()
  .use(helmet())
  .get('/x', (_req, res) => void res.type('application/json').send(body));
const withCompression = express()
  .use(compression({ threshold: 1024 }))
  .get('/x', (_req, res) => void res.type('application/json').send(body));
const t = initTRPC.create();
const fixed = t.router({ x: t.procedure.query(() => list) });
const withTrpc = express().use('/trpc', createExpressMiddleware({ router: fixed }));
const withOurTrpc = express().use('/trpc', trpcMiddleware({ router: fixed }));
const trpcOutput = t.router({ x: t.procedure.output(z.array(ZKpiDefinition)).query(() => list) });
const withTrpcOutput = express().use('/trpc', trpcMiddleware({ router: trpcOutput }));
/** This thread's own CPU seconds from /proc (Linux): unlike busy time, not inflated when the machine is shared and the thread waits for a core. */
function threadCpuSeconds(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const served: { stage: string; callsPerSecond: number; cpu: number }[] = [];
async function load(name: string, a: express.Express | null, path: string, headers: Record<string, string> = {}) {
  const s = a ? await listening(a) : api;
  const target = `${s.base}${path}`;
  const options = { url: target, connections: 10, headers, workers: 1 };
  await autocannon({ ...options, duration: 1 });
  const cpu0 = threadCpuSeconds();
  const result = await autocannon({ ...options, duration: 5 });
  const cpu = threadCpuSeconds() - cpu0;
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  served.push({ stage: name, callsPerSecond: result.requests.average, cpu: (cpu * 1e6) / result.requests.total });
  if (a) s.server.close();
}
await load('bare Express, same bytes', bare(), '/x');
await load('+ helmet', withHelmet, '/x');
await load('+ compression, client takes none', withCompression, '/x');
await load('+ compression, client takes br', withCompression, '/x', { 'accept-encoding': 'br' });
await load('tRPC, its Express adapter', withTrpc, '/trpc/x?batch=1&input=%7B%7D');
await load('tRPC, one-write middleware (this app’s)', withOurTrpc, '/trpc/x?batch=1&input=%7B%7D');
await load('tRPC, one-write middleware + output schema', withTrpcOutput, '/trpc/x?batch=1&input=%7B%7D');
await load('the app: kpi.list with a session cookie', null, '/trpc/kpi.list?batch=1&input=%7B%7D', { cookie });
await load('the app: /readyz (one SELECT 1)', null, '/readyz');
api.server.close();
api.server.closeAllConnections();
await database.close();

console.log(`\nWhere a read's time goes, on ${url ? 'PostgreSQL' : 'the embedded database'} (one call after another)`);
for (const r of rows) console.log(`${r.stage.padEnd(58)} ${r.cpu.toFixed(1).padStart(8)} µs CPU ${r.wall.toFixed(1).padStart(8)} µs wall`);
console.log('\nHTTP layers (10 connections; the server thread’s CPU per call)');
for (const r of served)
  console.log(
    `${r.stage.padEnd(58)} ${r.cpu.toFixed(0).padStart(8)} µs CPU ${Math.round(r.callsPerSecond).toString().padStart(8)} calls/s`,
  );
