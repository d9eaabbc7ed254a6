import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  createKpi,
  customerOutcomes,
  insertCustomerBase,
  migrateToLatest,
  openEphemeralPglite,
  openPostgres,
  seedDemoIfEmpty,
  surveyPeriod,
  type Database,
} from '@throughline/db';
import { fitScoreValueModel } from '@throughline/domain';
import { hashSecret } from '../src/auth/session-token.ts';
import { createApp } from '../src/http/app.ts';
import { report, type Figure } from './report.ts';
import { scratchDatabase } from './scratch-database.ts';

// The value model refit of a new organisation at real size, on PostgreSQL when
// BENCH_DATABASE_URL names a server (on a database of its own, created and dropped), else on the
// embedded database: value.refit over HTTP, as an integrator's token or the web app calls it,
// while the tables' statistics still describe only the organisations there before, then the same
// refit once ANALYZE has caught up.
const scratch = await scratchDatabase(process.env.BENCH_DATABASE_URL, 'value');
const url = scratch.url;
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const NOW = new Date('2026-11-01T00:00:00Z');
const TABLES = ['survey_response', 'operational_event'] as const;

// The embedded database as the server runs it: on a thread of its own.
const database: Database = url ? openPostgres(url, 4) : await openEphemeralPglite(undefined, { thread: true });
const { db } = database;
await migrateToLatest(db);
// The demo, analysed as its seed leaves it: a running install's statistics know of it alone.
await seedDemoIfEmpty(db, { adminPasswordHash: 'bench', now: NOW });
const figures: Figure[] = [];
const on = database.kind === 'postgres' ? ', PostgreSQL' : '';
const customersName = `${CUSTOMERS.toLocaleString('en-GB')} customers`;

try {
  // PostgreSQL's autovacuum would gather statistics on its own schedule, perhaps mid-measurement;
  // held off while the new organisation is stored and refitted stale, as the embedded database
  // (which has none) always is.
  if (database.kind === 'postgres')
    for (const t of TABLES) await sql`ALTER TABLE ${sql.table(t)} SET (autovacuum_enabled = off)`.execute(db);
  const runKey = randomUUID().slice(0, 8);
  const org = await db
    .insertInto('organisation')
    .values({ slug: `bench-value-${runKey}`, name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = await insertCustomerBase(db, org.id, { customers: CUSTOMERS, now: NOW });
  const kpi = await createKpi(db, org.id, {
    key: 'org.nps',
    name: 'Relationship NPS',
    description: 'Every NPS answer',
    unit: 'NPS',
    kind: 'nps',
    source: { stream: 'survey', instrument: 'nps' },
    scope: { level: 'organisation' },
    ownerTeamId: null,
    direction: 'higher_is_better',
    target: null,
    threshold: null,
    grain: 'month',
    schedule: '0 3 * * *',
    valuePerPoint: null,
  });

  const token = `tl_bench${randomUUID()}`;
  const user = await db
    .insertInto('app_user')
    .values({ email: `bench-${runKey}@bench.example`, display_name: 'Bench', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('api_token')
    .values({
      organisation_id: org.id,
      name: 'bench',
      token_hash: hashSecret(token),
      prefix: token.slice(0, 9),
      scopes: ['kpi:compute'],
      created_by: user.id,
    })
    .execute();
  const app = createApp({
    db,
    ping: database.ping,
    log: () => {},
    limits: { signInPerIpPerMinute: 10, tokenRequestsPerMinute: 1_000_000 },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The longest the event loop was held during a refit: what every other request waited at worst.
  const stall = monitorEventLoopDelay({ resolution: 5 });
  // And how long /readyz took to answer meanwhile, asked every 100 ms, as a load balancer would.
  let slowestReady = 0;
  const refit = async () => {
    stall.enable();
    let refitting = true;
    const polling = (async () => {
      while (refitting) {
        const t = performance.now();
        const ready = await fetch(`${base}/readyz`);
        await ready.text();
        if (!ready.ok) throw new Error(`/readyz answered ${ready.status} during a refit`);
        slowestReady = Math.max(slowestReady, performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = performance.now();
    const res = await fetch(`${base}/trpc/value.refit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kpiId: kpi.id }),
    });
    const body = await res.text();
    const ms = performance.now() - started;
    refitting = false;
    await polling;
    stall.disable();
    if (!res.ok) throw new Error(`refit failed: ${res.status} ${body}`);
    const { methods } = (JSON.parse(body) as { result: { data: { methods: string[] } } }).result.data;
    if (methods.length !== 2) throw new Error(`refit left an estimator out: ${body}`);
    return ms;
  };
  const middleOfFive = async () => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) ms.push(await refit());
    return ms.sort((a, b) => a - b)[2]!;
  };
  const statistics = async () =>
    (
      await sql<{
        relname: string;
        reltuples: number;
      }>`SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relname IN ('survey_response', 'operational_event') ORDER BY relname`.execute(
        db,
      )
    ).rows
      .map((r) => `${r.relname} ${Math.round(r.reltuples).toLocaleString('en-GB')}`)
      .join(', ');

  // Stale statistics: one untimed refit (a running server has compiled its code paths and warmed
  // its cache; this process has not), then five, the middle one counted, as one run is at the
  // mercy of whatever else the machine does; the same five after ANALYZE.
  const staleStatistics = await statistics();
  await refit();
  stall.reset();
  slowestReady = 0;
  const stale = await middleOfFive();
  const staleStall = stall.max / 1e6;
  await sql`ANALYZE survey_response, operational_event`.execute(db);
  const analysed = await middleOfFive();
  server.close();

  // The fit on its own, in one piece, on the same customers: how long it would hold the loop.
  const period = (await surveyPeriod(db, org.id, 'nps'))!;
  const customers = await customerOutcomes(db, org.id, 'nps', period);
  const fitStarted = performance.now();
  fitScoreValueModel('nps', customers, { periodStart: period.from, periodEnd: period.to });
  const wholeFit = performance.now() - fitStarted;

  figures.push({
    name: `value model refit, ${customersName}${on}`,
    value: stale,
    unit: 'ms',
    baselineName: 'the same refit after ANALYZE',
    baselineValue: analysed,
  });
  figures.push({
    name: `server responsive during refit (max /readyz latency)${on}`,
    value: slowestReady,
    unit: 'ms',
    baselineName: 'the refit itself (middle of five)',
    baselineValue: stale,
  });
  figures.push({
    name: `value model refit, ${customersName}${on}: longest event-loop stall`,
    value: staleStall,
    unit: 'ms',
    baselineName: 'the fit alone, in one piece',
    baselineValue: wholeFit,
  });
  console.log(
    `\nValue model refit on ${url ? 'PostgreSQL' : 'the embedded database'} (${process.platform}, Node ${process.version}): ` +
      `${stored.surveys.toLocaleString('en-GB')} answers and ${stored.operational.toLocaleString('en-GB')} events, ${customers.length.toLocaleString('en-GB')} customers with a score and an outcome; ` +
      `planner's rows before ANALYZE: ${staleStatistics}`,
  );
  report(figures);
} finally {
  await database.close();
  await scratch.drop();
}
