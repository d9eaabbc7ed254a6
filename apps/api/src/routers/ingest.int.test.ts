import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { MAX_INGEST_BATCH, type TokenActor } from '@throughline/domain';
import { createInnerContext } from '../context.ts';
import { createCaller } from '../router.ts';

let database: Database;
let caller: ReturnType<typeof createCaller>;
const ids = { org: '', journey: '', foreignJourney: '' };

const event = (i: number, over: Record<string, unknown> = {}) => ({
  source: 'contact-centre',
  externalId: `call-${i}`,
  type: 'contact',
  value: 12.5,
  customerId: `C-${i % 7}`,
  journeyId: ids.journey,
  stepId: null,
  attributes: { resolved: i % 2 === 0, queue: 'claims' },
  occurredAt: new Date(Date.UTC(2026, 9, 1 + (i % 28))).toISOString(),
  ...over,
});

/** The error a call was refused with; fails the test if it succeeded. */
async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

async function stored(): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM operational_event WHERE organisation_id = ${ids.org}`.execute(
    database.db,
  );
  return row.rows[0]!.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  const team = await insertTeam(database.db, ids.org, 'Claims');
  ids.journey = (await insertJourney(database.db, ids.org, 'Claim', { accountableTeamId: team })).id;
  const other = (await insertOrganisation(database.db, 'other', 'Other')).id;
  ids.foreignJourney = (await insertJourney(database.db, other, 'Theirs')).id;
  const actor: TokenActor = {
    kind: 'token',
    tokenId: '00000000-0000-4000-8000-000000000001',
    organisationId: ids.org,
    scopes: ['ingest:write'],
  };
  caller = createCaller(createInnerContext({ db: database.db, actor }));
});
afterAll(() => database.close());

describe('operational event ingestion', () => {
  it('stores a batch once, and reports a re-send as duplicates', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => event(i));
    expect(await caller.ingest.operationalEvents({ events: batch })).toEqual({ received: 50, inserted: 50, duplicates: 0 });
    expect(await caller.ingest.operationalEvents({ events: batch })).toEqual({ received: 50, inserted: 0, duplicates: 50 });
    expect(await stored()).toBe(50);
    const [row] = (
      await sql<{
        attributes: unknown;
        value: number;
      }>`SELECT attributes, value FROM operational_event WHERE external_id = 'call-0'`.execute(database.db)
    ).rows;
    expect(row).toEqual({ attributes: { resolved: true, queue: 'claims' }, value: 12.5 });
  });

  it('stores each event once when the same batch arrives twice at the same time', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => event(1_000 + i));
    const [a, b] = await Promise.all([
      caller.ingest.operationalEvents({ events: batch }),
      caller.ingest.operationalEvents({ events: batch }),
    ]);
    expect(a.inserted + b.inserted).toBe(200);
    expect(a.duplicates + b.duplicates).toBe(200);
    expect(await stored()).toBe(250);
  });

  it('refuses a batch with any bad row, naming each by index and field, and stores none of it', async () => {
    const batch = [event(5_000), event(5_001, { occurredAt: 'yesterday' }), event(5_002, { journeyId: 'not-a-uuid' }), event(5_003)];
    const error = await refusal(caller.ingest.operationalEvents({ events: batch }));
    expect(error.code).toBe('BAD_REQUEST');
    const paths = (error.cause as unknown as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['events.1.occurredAt', 'events.2.journeyId']);
    expect(await stored()).toBe(250);
  });

  it('refuses a row naming another organisation’s journey, storing nothing', async () => {
    const error = await refusal(
      caller.ingest.operationalEvents({ events: [event(6_000), event(6_001, { journeyId: ids.foreignJourney })] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('nothing was stored');
    expect(await stored()).toBe(250);
  });

  it(`refuses more than ${MAX_INGEST_BATCH} events in one call`, async () => {
    const batch = Array.from({ length: MAX_INGEST_BATCH + 1 }, (_, i) => event(10_000 + i));
    const error = await refusal(caller.ingest.operationalEvents({ events: batch }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(`send at most ${MAX_INGEST_BATCH} events per call`);
    expect(await stored()).toBe(250);
  });

  it('stores only the new keys of a batch that repeats stored ones and itself, the first of a repeat', async () => {
    const before = await stored();
    const batch = [event(7_000, { value: 1 }), event(0), event(7_001), event(7_000, { value: 2 }), event(1)];
    expect(await caller.ingest.operationalEvents({ events: batch })).toEqual({ received: 5, inserted: 2, duplicates: 3 });
    const values = (await sql<{ value: number }>`SELECT value FROM operational_event WHERE external_id = 'call-7000'`.execute(database.db))
      .rows;
    expect(values).toEqual([{ value: 1 }]);
    expect(await stored()).toBe(before + 2);
  });

  it('refuses events dated more than 5 minutes after the server’s clock, by row and field, storing none', async () => {
    const before = await stored();
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const batch = [
      event(9_000),
      event(9_001, { occurredAt: later(60) }),
      event(9_002, { occurredAt: later(1) }),
      event(9_003, { occurredAt: '2099-01-01T00:00:00Z' }),
    ];
    const error = await refusal(caller.ingest.operationalEvents({ events: batch }));
    expect(error.code).toBe('BAD_REQUEST');
    const issues = (error.cause as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['events.1.occurredAt', 'events.3.occurredAt']);
    expect(issues[0]!.message).toMatch(/^is in the future: .* is more than 5 minutes after the server's clock/);
    expect(await stored()).toBe(before);
  });

  it('refuses a near miss of a type the value model reads, and stores a known type given in capitals in lower case', async () => {
    const before = await stored();
    const error = await refusal(
      caller.ingest.operationalEvents({ events: [event(9_100, { type: 'churn' }), event(9_101, { type: 'chrun' })] }),
    );
    const issues = (error.cause as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['events.1.type', `is “chrun”, which is not a type Throughline reads: did you mean 'churn'?`],
    ]);
    expect(await stored()).toBe(before);
    expect(
      await caller.ingest.operationalEvents({ events: [event(9_102, { type: 'Churn' }), event(9_103, { type: 'claim_reported' })] }),
    ).toMatchObject({ inserted: 2 });
    const types = await sql<{
      type: string;
    }>`SELECT type FROM operational_event WHERE external_id IN ('call-9102', 'call-9103') ORDER BY external_id`.execute(database.db);
    expect(types.rows).toEqual([{ type: 'churn' }, { type: 'claim_reported' }]);
  });

  it('refreshes the table’s planner statistics after 20,000 new rows on the embedded database, and leaves them to autovacuum on PostgreSQL', async () => {
    // last_analyze records an ANALYZE someone ran; autovacuum's own go in last_autoanalyze.
    const lastAnalyze = async () =>
      (
        await sql<{
          at: string | null;
        }>`SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relid = 'operational_event'::regclass`.execute(database.db)
      ).rows[0]!.at;
    const before = await lastAnalyze();
    for (let b = 0; b < 20_000 / MAX_INGEST_BATCH; b++) {
      const batch = Array.from({ length: MAX_INGEST_BATCH }, (_, i) => event(100_000 + b * MAX_INGEST_BATCH + i));
      expect(await caller.ingest.operationalEvents({ events: batch })).toMatchObject({ inserted: MAX_INGEST_BATCH });
    }
    const after = await lastAnalyze();
    if (database.kind === 'postgres') expect(after, 'no ANALYZE in the ingest call on PostgreSQL').toBe(before);
    else {
      expect(after, 'the ingest call ran ANALYZE on the embedded database').not.toBeNull();
      expect(after).not.toBe(before);
      const estimate = await sql<{
        rows: number;
      }>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'operational_event'::regclass`.execute(database.db);
      expect(estimate.rows[0]!.rows).toBeGreaterThanOrEqual(20_000);
    }
  });
});

describe('survey response ingestion', () => {
  const response = (i: number) => ({
    source: 'qualtrics',
    externalId: `r-${i}`,
    instrument: 'nps' as const,
    score: i % 11,
    customerId: null,
    journeyId: ids.journey,
    stepId: null,
    channel: 'web',
    segment: null,
    verbatim: null,
    occurredAt: new Date(Date.UTC(2026, 9, 1 + (i % 28))).toISOString(),
  });
  const responses = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response WHERE organisation_id = ${ids.org}`.execute(database.db))
      .rows[0]!.n;

  it('stores each response once when overlapping batches arrive at the same time', async () => {
    const first = Array.from({ length: 300 }, (_, i) => response(i));
    const second = Array.from({ length: 300 }, (_, i) => response(200 + i));
    const [a, b] = await Promise.all([
      caller.ingest.surveyResponses({ responses: first }),
      caller.ingest.surveyResponses({ responses: second }),
    ]);
    expect(a.inserted + b.inserted).toBe(500);
    expect(a.duplicates + b.duplicates).toBe(100);
    expect(await responses()).toBe(500);
    expect(await caller.ingest.surveyResponses({ responses: [...second, response(999)] })).toEqual({
      received: 301,
      inserted: 1,
      duplicates: 300,
    });
  });

  it('stores what customers wrote exactly: line breaks, tabs, backslashes, quotes, any script', async () => {
    const written = 'Line one\nline two\r\n\ttabbed, "quoted", back\\slash \\N not null, \\.\n\\.\nend — naïve 日本語 🙂';
    const answer = { ...response(6_000), verbatim: written, segment: 'Home\towner', customerId: '\\N', channel: null };
    const quiet = { ...response(6_001), verbatim: '' };
    expect(await caller.ingest.surveyResponses({ responses: [answer, quiet] })).toMatchObject({ inserted: 2 });
    const rows = await sql<{ verbatim: string | null; segment: string | null; customer_id: string | null; channel: string | null }>`
      SELECT verbatim, segment, customer_id, channel FROM survey_response WHERE external_id IN ('r-6000', 'r-6001') ORDER BY external_id`.execute(
      database.db,
    );
    expect(rows.rows).toEqual([
      { verbatim: written, segment: 'Home\towner', customer_id: '\\N', channel: null },
      { verbatim: '', segment: null, customer_id: null, channel: 'web' },
    ]);
    const attributes = { note: 'a\tb\\c\nd', quote: '"', flag: false, n: 3 };
    expect(await caller.ingest.operationalEvents({ events: [event(8_000, { attributes, value: 1e-7 })] })).toMatchObject({ inserted: 1 });
    const [stored8000] = (
      await sql<{
        attributes: unknown;
        value: number;
      }>`SELECT attributes, value FROM operational_event WHERE external_id = 'call-8000'`.execute(database.db)
    ).rows;
    expect(stored8000).toEqual({ attributes, value: 1e-7 });
  });

  it('refuses responses dated in the future, naming each row, and stores none of the batch', async () => {
    const before = await responses();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const batch = [response(7_000), response(7_001), response(7_002), { ...response(7_003), occurredAt: future }];
    const error = await refusal(caller.ingest.surveyResponses({ responses: batch }));
    const issues = (error.cause as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['responses.3.occurredAt']);
    expect(issues[0]!.message).toContain(`is in the future: ${future} is more than 5 minutes after the server's clock`);
    expect(await responses()).toBe(before);
  });

  it('keeps the scale a CSAT answer was given on, and refuses a score beyond it', async () => {
    const seven = { ...response(5_000), instrument: 'csat' as const, score: 7, scale: 7 };
    expect(await caller.ingest.surveyResponses({ responses: [seven] })).toMatchObject({ inserted: 1 });
    const row = await sql<{
      scale: number;
      score: number;
    }>`SELECT scale, score FROM survey_response WHERE external_id = ${seven.externalId}`.execute(database.db);
    expect(row.rows).toEqual([{ scale: 7, score: 7 }]);
    const error = await refusal(
      caller.ingest.surveyResponses({ responses: [{ ...response(5_001), instrument: 'csat' as const, score: 7 }] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('csat scores run 1–5');
    expect(error.message).toContain('"score"');
  });
});
