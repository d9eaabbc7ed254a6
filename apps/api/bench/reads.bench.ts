import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { DEMO_ORGANISATION_SLUG, DEMO_SIGN_IN, migrateToLatest, openDatabase, seedDemoIfEmpty, type Database } from '@throughline/db';
import { hashPassword } from '../src/auth/password.ts';
import { createApp } from '../src/http/app.ts';
import { report, type Figure } from './report.ts';
import { scratchDatabase } from './scratch-database.ts';

// One simple authenticated read under load, beside the floor for it: kpi.list as the web app asks
// for it (a batched GET with the session cookie) from 50 connections, against a plain Express
// handler that runs the same SQL and sends the rows as JSON. On PostgreSQL when BENCH_DATABASE_URL
// names a server (on a database of its own, created and dropped; through node-postgres, with a pool the size of the app's); always on the embedded
// database too (through its own driver, the statement compiled once). The load comes from
// autocannon in a worker thread, so the server keeps this thread to itself; each side runs twice,
// in the order app, plain, plain, app, so a machine shared with other work loads both alike.
const scratch = await scratchDatabase(process.env.BENCH_DATABASE_URL, 'reads');
const url = scratch.url;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const POOL_SIZE = 10;
const LIST_SQL = 'select * from "kpi" where "organisation_id" = $1 order by "key"';

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function load(target: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const result = await autocannon({ url: target, connections: CONNECTIONS, duration: seconds, headers, workers: 1 });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(`${target}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result.requests.total;
}

async function measure(database: Database, where: string): Promise<Figure> {
  const { db } = database;
  await migrateToLatest(db);
  const today = new Date(new Date().toISOString().slice(0, 10));
  await seedDemoIfEmpty(db, { adminPasswordHash: await hashPassword(DEMO_SIGN_IN.password), now: today });
  // A member of the demo organisation with a password of this run's: a database another bench
  // seeded may hold the demo admin under a password hash of its own.
  const org = await db.selectFrom('organisation').select('id').where('slug', '=', DEMO_ORGANISATION_SLUG).executeTakeFirstOrThrow();
  const email = `reads-${randomUUID().slice(0, 8)}@bench.example`;
  const password = randomUUID();
  const user = await db
    .insertInto('app_user')
    .values({ email, display_name: 'Reads bench', password_hash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('member').values({ organisation_id: org.id, user_id: user.id, role: 'viewer' }).execute();

  const api = await listen(createApp({ db, log: () => {} }));
  const signIn = await fetch(`${api.base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;

  // The floor: the same statement, its rows sent as JSON, nothing else.
  const pool = database.kind === 'postgres' ? new pg.Pool({ connectionString: database.connectionString, max: POOL_SIZE }) : null;
  const compiled = CompiledQuery.raw(LIST_SQL, [org.id]);
  const plainApp = express();
  plainApp.get('/kpis', async (_req, res) => {
    const rows = pool ? (await pool.query(LIST_SQL, [org.id])).rows : (await db.executeQuery(compiled)).rows;
    res.json(rows);
  });
  const plain = await listen(plainApp);

  const targets = {
    app: { url: `${api.base}/trpc/kpi.list?batch=1&input=%7B%7D`, headers: { cookie } },
    plain: { url: `${plain.base}/kpis`, headers: {} },
  };
  try {
    const [answer] = (await (await fetch(targets.app.url, { headers: targets.app.headers })).json()) as [{ result: { data: unknown[] } }];
    const rows = (await (await fetch(targets.plain.url)).json()) as unknown[];
    if (answer.result.data.length !== rows.length || rows.length === 0)
      throw new Error(`kpi.list gave ${answer.result.data.length} KPIs, the plain handler ${rows.length}`);
    // Warm: both have compiled their code paths and opened their connections before any clock.
    for (const side of ['app', 'plain'] as const) await load(targets[side].url, targets[side].headers, 2);
    const calls = { app: 0, plain: 0 };
    for (const side of ['app', 'plain', 'plain', 'app'] as const)
      calls[side] += await load(targets[side].url, targets[side].headers, SECONDS / 2);
    return {
      name: `kpi.list at ${CONNECTIONS} connections, ${where}`,
      value: calls.app / SECONDS,
      unit: 'calls/s',
      baselineName: `plain Express, same SQL${pool ? ' via node-postgres' : ''}, as JSON`,
      baselineValue: calls.plain / SECONDS,
    };
  } finally {
    for (const s of [api.server, plain.server]) {
      s.close();
      s.closeAllConnections();
    }
    await pool?.end();
  }
}

const figures: Figure[] = [];
if (url) {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: POOL_SIZE });
  try {
    figures.push(await measure(database, 'PostgreSQL'));
  } finally {
    await database.close();
    await scratch.drop();
  }
}
const dir = mkdtempSync(join(tmpdir(), 'throughline-reads-'));
try {
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    figures.push(await measure(database, 'embedded'));
  } finally {
    await database.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nThroughline reads under load, ${SECONDS} s a side (${process.platform}, Node ${process.version})`);
report(figures);
