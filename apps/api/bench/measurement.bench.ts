import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  listKpis,
  migrateToLatest,
  openEphemeralPglite,
  openPostgres,
  recomputeKpi,
  seedDemoIfEmpty,
  type Database,
} from '@throughline/db';
import type { KpiDefinition } from '@throughline/domain';
import { hashSecret } from '../src/auth/session-token.ts';
import { createApp } from '../src/http/app.ts';
import { report, type Figure } from './report.ts';
import { scratchDatabase } from './scratch-database.ts';

// Measurement on PostgreSQL when BENCH_DATABASE_URL names a server (on a database of its own,
// created and dropped), else on the embedded database: ingestion through the API beside COPY, and KPI recomputation beside
// one hand-written GROUP BY computing the same numbers, full and after one more day.
const scratch = await scratchDatabase(process.env.BENCH_DATABASE_URL, 'measure');
const url = scratch.url;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const INGEST_ROWS = 80_000;
const BATCH = 5_000;

// The embedded database as the server runs it: on a thread of its own.
const database: Database = url ? openPostgres(url, 4) : await openEphemeralPglite(undefined, { thread: true });
// A connection of its own for COPY FROM STDIN, as a bulk loader would open.
const copyClient = url ? new pg.Client(url) : null;
await copyClient?.connect();
const { db } = database;
await migrateToLatest(db);
// The demo organisation first: it is seeded only into an empty database.
await seedDemoIfEmpty(db, { adminPasswordHash: 'bench', now: new Date('2026-11-01T00:00:00Z') });
const figures: Figure[] = [];
const seconds = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
};

/** Survey responses as the API takes them, and the same rows as CSV for COPY. */
function responses(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    source: 'bench',
    externalId: `${prefix}-${i}`,
    instrument: 'nps' as const,
    score: i % 11,
    customerId: `C${i % 20_000}`,
    journeyId: null,
    stepId: null,
    channel: 'web',
    segment: i % 2 ? 'Homeowner' : 'Landlord',
    verbatim: null,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
}

/**
 * COPY of rows into survey_response, as text rows. `stdin`: sent by a client over its connection,
 * as `psql \copy` or any loader does (on the embedded database, its blob device). `file`: read by
 * the server from a file of its own, which no remote client can do: the floor of bulk loading.
 */
async function copyRows(organisationId: string, rows: ReturnType<typeof responses>, from: 'stdin' | 'file'): Promise<void> {
  const columns = '(organisation_id, source, external_id, instrument, score, customer_id, channel, segment, occurred_at)';
  if (database.kind === 'pglite') {
    const csv = rows
      .map((r) =>
        [organisationId, r.source, r.externalId, r.instrument, r.score, r.customerId, r.channel, r.segment, r.occurredAt].join(','),
      )
      .join('\n');
    await database.pglite.query(`COPY survey_response ${columns} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    return;
  }
  if (from === 'stdin') {
    // COPY's text format: tab-separated; none of these values holds a tab, newline or backslash.
    const text =
      rows
        .map((r) =>
          [organisationId, r.source, r.externalId, r.instrument, r.score, r.customerId, r.channel, r.segment, r.occurredAt].join('\t'),
        )
        .join('\n') + '\n';
    await pipeline(Readable.from([text]), copyClient!.query(copyFrom(`COPY survey_response ${columns} FROM STDIN`)));
    return;
  }
  const csv = rows
    .map((r) => [organisationId, r.source, r.externalId, r.instrument, r.score, r.customerId, r.channel, r.segment, r.occurredAt].join(','))
    .join('\n');
  const { writeFileSync, rmSync } = await import('node:fs');
  const file = `/tmp/throughline-bench-${randomUUID()}.csv`;
  writeFileSync(file, csv, { mode: 0o644 });
  try {
    await sql`COPY survey_response ${sql.raw(columns)} FROM ${sql.lit(file)} WITH (FORMAT csv)`.execute(db);
  } finally {
    rmSync(file, { force: true });
  }
}

try {
  // Ingestion: batches of 5,000 over HTTP with a bearer token, sent one after another as the
  // typed client's ingestSurveyResponses sends them, against COPY of the same rows.
  // Named afresh each run, so the bench can run again on a database it has already grown.
  const runKey = randomUUID().slice(0, 8);
  const org = await db
    .insertInto('organisation')
    .values({ slug: `bench-ingest-${runKey}`, name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
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
      scopes: ['ingest:write'],
      created_by: user.id,
    })
    .execute();
  const app = createApp({ db, log: () => {}, limits: { signInPerIpPerMinute: 10, tokenRequestsPerMinute: 1_000_000 } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const viaApi = async (rows: ReturnType<typeof responses>) => {
    const res = await fetch(`${base}/trpc/ingest.surveyResponses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ responses: rows }),
    });
    if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  };
  // One untimed batch each first: a running server has compiled its code paths and opened its
  // connections, and this process has not yet. Then, round by round, 20,000 rows each way, the
  // order turning each round so other work on the machine falls on all alike: via the API as the
  // typed client sends them (5,000-row calls, two in flight) and strictly one call after another,
  // and by COPY in 5,000-row statements from the client and from a server file. Rows are made
  // before any clock starts; turning them into JSON or COPY text is timed on each side. Ten COPY
  // statements of 5,000 rows cost the server what one of 50,000 does (measured: the same CPU).
  const copies = database.kind === 'postgres' ? (['stdin', 'file'] as const) : (['stdin'] as const);
  await viaApi(responses('api-warm', BATCH));
  for (const from of copies) await copyRows(org.id, responses(`copy-${from}-warm`, BATCH), from);
  const ways = ['client', 'sequential', ...copies] as const;
  type Way = (typeof ways)[number];
  const rowsFor = Object.fromEntries(ways.map((way) => [way, responses(way, INGEST_ROWS)])) as Record<Way, ReturnType<typeof responses>>;
  const spent = Object.fromEntries(ways.map((way) => [way, 0])) as Record<Way, number>;
  const ROUND = 4 * BATCH;
  const send = async (way: Way, rows: ReturnType<typeof responses>) => {
    const batches = Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));
    if (way === 'client') {
      // Two senders taking the next batch as each is answered, as ingestSurveyResponses does.
      let next = 0;
      const sender = async () => {
        while (next < batches.length) await viaApi(batches[next++]!);
      };
      await Promise.all([sender(), sender()]);
    } else for (const batch of batches) await (way === 'sequential' ? viaApi(batch) : copyRows(org.id, batch, way));
  };
  for (let from = 0, round = 0; from < INGEST_ROWS; from += ROUND, round++) {
    for (let k = 0; k < ways.length; k++) {
      const way = ways[(round + k) % ways.length]!;
      spent[way] += await seconds(() => send(way, rowsFor[way].slice(from, from + ROUND)));
    }
  }
  server.close();
  const ingest = `ingest ${INGEST_ROWS.toLocaleString('en-GB')} responses via the API`;
  const stdin = { baselineName: 'COPY FROM STDIN of the same rows, same table', baselineValue: INGEST_ROWS / spent.stdin };
  figures.push({ name: `${ingest}, two calls in flight (the typed client)`, value: INGEST_ROWS / spent.client, unit: 'rows/s', ...stdin });
  figures.push({ name: `${ingest}, one call after another`, value: INGEST_ROWS / spent.sequential, unit: 'rows/s', ...stdin });
  if (database.kind === 'postgres') {
    figures.push({
      name: `${ingest}, two calls in flight (the typed client)`,
      value: INGEST_ROWS / spent.client,
      unit: 'rows/s',
      baselineName: 'COPY from a file on the server itself',
      baselineValue: INGEST_ROWS / spent.file,
    });
  }

  // KPI engine: the demo organisation grown to EVENTS survey responses.
  const demo = await db.selectFrom('organisation').select('id').where('slug', '=', 'harbour-home').executeTakeFirstOrThrow();
  const have = (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response WHERE organisation_id = ${demo.id}::uuid`.execute(db)
  ).rows[0]!.n;
  if (have < EVENTS) {
    // More of the same: copies of the demo's responses spread over the same year.
    await sql`
      INSERT INTO survey_response (organisation_id, source, external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, occurred_at)
      SELECT s.organisation_id, s.source, s.external_id || '-x' || g, s.instrument, s.score, s.customer_id, s.journey_id, s.step_id, s.channel, s.segment,
             s.occurred_at - ((g % 7) || ' hours')::interval
      FROM survey_response s, generate_series(1, ${Math.ceil((EVENTS - have) / have)}) g
      WHERE s.organisation_id = ${demo.id}::uuid`.execute(db);
  }
  const total = (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response WHERE organisation_id = ${demo.id}::uuid`.execute(db)
  ).rows[0]!.n;
  await sql`ANALYZE`.execute(db);
  const kpis = (await listKpis(db, demo.id)).filter((k) => k.source.stream === 'survey');
  const recomputeAll = (full: boolean) =>
    db.transaction().execute(async (trx) => {
      for (const k of kpis) await recomputeKpi(trx, demo.id, k, { full, now: new Date(), runId: randomUUID() });
    });
  // Both read the same pages: warm the cache once so neither pays for the first read. Then each
  // three times, in turn, and the middle time of each: one run is at the mercy of whatever else
  // the machine does (a checkpoint, another process), and it fell on either side alike.
  await handWrittenGroupBy(demo.id, kpis);
  const fullRuns: number[] = [];
  const groupByRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    fullRuns.push(await seconds(() => recomputeAll(true)));
    groupByRuns.push(await seconds(() => handWrittenGroupBy(demo.id, kpis)));
  }
  const middle = (runs: number[]) => [...runs].sort((x, y) => x - y)[1]!;
  const fullSeconds = middle(fullRuns);
  const groupBySeconds = middle(groupByRuns);
  figures.push({
    name: `full recompute, ${kpis.length} survey KPIs, ${(total / 1e6).toFixed(2)} M events`,
    value: fullSeconds * 1000,
    unit: 'ms',
    baselineName: 'one hand-written GROUP BY, same numbers',
    baselineValue: groupBySeconds * 1000,
  });

  // One more day (~0.3% of the history), then an incremental recompute; three days in turn, and
  // the middle time of the three, as one run is at the mercy of whatever else the machine does.
  const incremental: number[] = [];
  for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
    await sql`
      INSERT INTO survey_response (organisation_id, source, external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, occurred_at)
      SELECT organisation_id, source, external_id || '-' || ${day} || '-' || ${runKey}, instrument, score, customer_id, journey_id, step_id, channel, segment, ${`${day}T12:00:00Z`}::timestamptz
      FROM survey_response WHERE organisation_id = ${demo.id}::uuid AND occurred_at < timestamptz '2026-11-01' AND random() < 0.003`.execute(
      db,
    );
    incremental.push(await seconds(() => recomputeAll(false)));
  }
  const incrementalSeconds = incremental.sort((a, b) => a - b)[1]!;
  figures.push({
    name: 'incremental recompute after one more day (median of 3 days)',
    value: incrementalSeconds * 1000,
    unit: 'ms',
    baselineName: 'full recompute (above)',
    baselineValue: fullSeconds * 1000,
  });

  console.log(
    `\nThroughline measurement on ${url ? 'PostgreSQL' : 'the embedded database'} (${process.platform}, Node ${process.version})`,
  );
  report(figures);
} finally {
  await copyClient?.end();
  await database.close();
  await scratch.drop();
}

/** The survey KPIs' monthly/weekly values straight from the events: one GROUP BY per KPI. */
async function handWrittenGroupBy(organisationId: string, kpis: KpiDefinition[]): Promise<void> {
  for (const kpi of kpis) {
    if (kpi.source.stream !== 'survey') continue;
    const scope =
      kpi.scope.level === 'organisation'
        ? sql``
        : kpi.scope.level === 'journey'
          ? sql`AND journey_id = ${kpi.scope.journeyId}::uuid`
          : sql`AND step_id = ${kpi.scope.stepId}::uuid`;
    await sql`
      SELECT date_trunc(${kpi.grain}, occurred_at AT TIME ZONE 'UTC') AS period, segment,
             count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6), sum(score), sum(score * score)
      FROM survey_response WHERE organisation_id = ${organisationId}::uuid AND instrument = ${kpi.source.instrument} ${scope}
      GROUP BY GROUPING SETS ((1), (1, 2))`.execute(db);
  }
}
