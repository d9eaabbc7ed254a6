import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiDefinition } from '@throughline/domain';
import { openPostgres, type Database } from '../database.ts';
import { seedDemoIfEmpty } from '../seed/seed.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createKpi, listKpis } from './kpi.queries.ts';
import { dayRanges, periodStart, recomputeKpi } from './kpi-engine.queries.ts';

const NOW = new Date('2026-11-01T00:00:00Z');
let database: Database;
let organisationId = '';
let kpis: KpiDefinition[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, { adminPasswordHash: 'x', now: NOW });
  organisationId = (await database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  kpis = await listKpis(database.db, organisationId);
}, 180_000);
afterAll(() => database.close());

const run = (kpi: KpiDefinition, full: boolean) =>
  database.db.transaction().execute((db) => recomputeKpi(db, organisationId, kpi, { full, now: new Date(), runId: randomUUID() }));

async function results(kpiId: string) {
  const rows = await database.db
    .selectFrom('kpi_result')
    .select([
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('period'),
      'segment',
      'value',
      'n',
      'ci_low',
      'ci_high',
      'method',
      'small_sample',
    ])
    .where('kpi_id', '=', kpiId)
    .orderBy('period_start')
    .orderBy('segment')
    .execute();
  return rows;
}

/** A monthly organisation-wide KPI with no owner, target or threshold, beside the demo's. */
const organisationKpi = (k: Pick<KpiDefinition, 'key' | 'name' | 'unit' | 'kind' | 'source'>) =>
  createKpi(database.db, organisationId, {
    ...k,
    description: '',
    scope: { level: 'organisation' },
    ownerTeamId: null,
    direction: 'higher_is_better',
    target: null,
    threshold: null,
    grain: 'month',
    schedule: '0 3 * * *',
    valuePerPoint: null,
  });

/** The same numbers by one hand-written GROUP BY per kind, straight from the events. */
async function independently(kpi: KpiDefinition): Promise<Map<string, { value: number; n: number }>> {
  const scope =
    kpi.scope.level === 'organisation'
      ? sql``
      : kpi.scope.level === 'journey'
        ? sql`AND journey_id = ${kpi.scope.journeyId}::uuid`
        : sql`AND step_id = ${kpi.scope.stepId}::uuid`;
  const period = sql`to_char(date_trunc(${kpi.grain}, (occurred_at AT TIME ZONE 'UTC')::date)::date, 'YYYY-MM-DD')`;
  let query;
  if (kpi.source.stream === 'survey') {
    const value = {
      nps: sql`100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*)`,
      csat: sql`100.0 * count(*) FILTER (WHERE score >= 4) / count(*)`,
      ces: sql`avg(score)`,
    }[kpi.source.instrument];
    query = sql<{ period: string; value: number; n: number }>`
      SELECT ${period} AS period, (${value})::float8 AS value, count(*)::int AS n
      FROM survey_response WHERE organisation_id = ${organisationId}::uuid AND instrument = ${kpi.source.instrument} ${scope} GROUP BY 1`;
  } else if (kpi.kind === 'ratio') {
    query = sql<{ period: string; value: number; n: number }>`
      SELECT ${period} AS period,
             (sum(value) FILTER (WHERE type = ${kpi.source.eventType}) / count(*) FILTER (WHERE type = ${kpi.source.denominatorEventType ?? ''}))::float8 AS value,
             (count(*) FILTER (WHERE type = ${kpi.source.eventType}))::int AS n
      FROM operational_event
      WHERE organisation_id = ${organisationId}::uuid AND type IN (${kpi.source.eventType}, ${kpi.source.denominatorEventType ?? ''}) ${scope} GROUP BY 1`;
  } else {
    const cond = kpi.source.conditionAttribute ?? '';
    const value = {
      rate: sql`100.0 * count(*) FILTER (WHERE attributes->>${cond} = 'true') / count(*)`,
      median: sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY value)`,
      count: sql`count(*)`,
      sum: sql`sum(value)`,
    }[kpi.kind as 'rate' | 'median' | 'count' | 'sum'];
    query = sql<{ period: string; value: number; n: number }>`
      SELECT ${period} AS period, (${value})::float8 AS value, count(*)::int AS n
      FROM operational_event WHERE organisation_id = ${organisationId}::uuid AND type = ${kpi.source.eventType} ${scope} GROUP BY 1`;
  }
  const { rows } = await query.execute(database.db);
  return new Map(rows.map((r) => [r.period, { value: r.value, n: r.n }]));
}

describe('the KPI engine on the demo organisation', () => {
  it('computes every demo KPI exactly as an independent GROUP BY does', async () => {
    expect(kpis.length).toBeGreaterThanOrEqual(10);
    for (const kpi of kpis) {
      const outcome = await run(kpi, true);
      expect(outcome.mode).toBe('full');
      const expected = await independently(kpi);
      const totals = (await results(kpi.id)).filter((r) => r.segment === '');
      expect(totals.length, kpi.key).toBe(expected.size);
      expect(totals.length, kpi.key).toBeGreaterThan(0);
      for (const r of totals) {
        const e = expected.get(r.period)!;
        expect(r.n, `${kpi.key} ${r.period}`).toBe(e.n);
        // Sums added day by day differ from one big sum only in the last bits of a double.
        expect(Math.abs(r.value - e.value), `${kpi.key} ${r.period}: ${r.value} vs ${e.value}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(e.value)),
        );
      }
    }
  });

  it('breaks results down by segment, the segments adding up to the whole', async () => {
    const nps = kpis.find((k) => k.key === 'claim.nps')!;
    const rows = await results(nps.id);
    const period = rows.find((r) => r.segment === '')!.period;
    const inPeriod = rows.filter((r) => r.period === period);
    expect(inPeriod.length).toBeGreaterThan(2);
    expect(inPeriod.filter((r) => r.segment !== '').reduce((s, r) => s + r.n, 0)).toBe(inPeriod.find((r) => r.segment === '')!.n);
  });

  it('recomputes only the days that received events, with results identical to a full rebuild', async () => {
    const nps = kpis.find((k) => k.key === 'claim.nps')!;
    if (nps.scope.level !== 'journey') throw new Error('claim.nps is a journey KPI');
    // A new day of responses, plus a few late ones for an existing day.
    await sql`
      INSERT INTO survey_response (organisation_id, source, external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, verbatim, occurred_at)
      SELECT organisation_id, source, 'late-' || external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, verbatim,
             CASE WHEN id % 5 = 0 THEN occurred_at - interval '3 days' ELSE timestamptz '2026-11-01 10:00:00+00' END
      FROM survey_response
      WHERE organisation_id = ${organisationId}::uuid AND instrument = 'nps' AND journey_id = ${nps.scope.journeyId}::uuid
        AND occurred_at >= timestamptz '2026-10-28' `.execute(database.db);

    const incremental = await run(nps, false);
    expect(incremental.mode).toBe('incremental');
    expect(incremental.days).toBeGreaterThan(0);
    expect(incremental.days).toBeLessThan(10);
    const afterIncremental = await results(nps.id);

    await run(nps, true);
    expect(await results(nps.id)).toEqual(afterIncremental);
    expect(afterIncremental.some((r) => r.period === periodStart('2026-11-01', nps.grain))).toBe(true);
  });

  it('is idempotent: a run with nothing new changes nothing', async () => {
    const fcr = kpis.find((k) => k.key === 'contact.fcr')!;
    await run(fcr, true);
    const before = await results(fcr.id);
    expect(await run(fcr, false)).toMatchObject({ mode: 'incremental', days: 0, results: 0 });
    expect(await results(fcr.id)).toEqual(before);
  });
});

describe('CSAT on a stated scale', () => {
  it('counts the stated top box of 1–7 answers, and leaves answers on other scales out', async () => {
    const kpi = await organisationKpi({
      key: 'claim.csat7',
      name: 'Claims CSAT (1–7)',
      unit: '%',
      kind: 'csat',
      source: { stream: 'survey', instrument: 'csat', scale: { max: 7, positiveFrom: 6 } },
    });
    // 200 answers on 1–7 in October 2026: 120 of them 6 or 7 (the box), 50 of them 4 or 5 —
    // which a 1–5 reading would have counted as satisfied.
    await database.db
      .insertInto('survey_response')
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          organisation_id: organisationId,
          source: 'csat7',
          external_id: `c7-${i}`,
          instrument: 'csat' as const,
          score: i < 60 ? 7 : i < 120 ? 6 : i < 170 ? 5 - (i % 2) : 2,
          scale: 7,
          occurred_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
        })),
      )
      .execute();
    await run(kpi, true);
    const october = (await results(kpi.id)).filter((r) => r.segment === '');
    // Only the 1–7 answers, none of the demo's 1–5 ones: 120 / 200 = 60%
    expect(october.map((r) => [r.period, r.value, r.n])).toEqual([['2026-10-01', 60, 200]]);
  });
});

describe('a rebuild with many segments', () => {
  it('stores every day of every segment, and the whole as their sum, past a statement’s worth of rollups', async () => {
    const kpi = await organisationKpi({
      key: 'ces.many',
      name: 'CES over many segments',
      unit: 'score',
      kind: 'ces',
      source: { stream: 'survey', instrument: 'ces' },
    });
    // 30 days × 700 segments: 21,000 rollups of segments, more than one statement stores.
    const days = 30;
    const segments = 700;
    await sql`
      INSERT INTO survey_response (organisation_id, source, external_id, instrument, score, segment, occurred_at)
      SELECT ${organisationId}::uuid, 'many', 'm-' || d || '-' || g, 'ces', 1 + (g % 7), 'segment ' || g,
             timestamptz '2025-06-01 12:00:00Z' + d * interval '1 day'
      FROM generate_series(0, ${days - 1}) d, generate_series(1, ${segments}) g`.execute(database.db);
    await run(kpi, true);
    const rollups = await sql<{ whole: number; parts: number; n: number }>`
      SELECT count(*) FILTER (WHERE segment = '')::int AS whole, count(*) FILTER (WHERE segment <> '')::int AS parts,
             coalesce(sum(n) FILTER (WHERE segment = ''), 0)::int AS n
      FROM kpi_day WHERE kpi_id = ${kpi.id}::uuid AND day >= date '2025-06-01' AND day < date '2025-07-01'`.execute(database.db);
    expect(rollups.rows[0]).toEqual({ whole: days, parts: days * segments, n: days * segments });
    const june = (await results(kpi.id)).filter((r) => r.period === '2025-06-01');
    expect(june.find((r) => r.segment === '')?.n).toBe(days * segments);
    expect(june.filter((r) => r.segment !== '')).toHaveLength(segments);
  });
});

describe('a rebuild’s sums', () => {
  it('are stored exactly, whatever number of float digits the session sends', async () => {
    // A role or database may set extra_float_digits = 0, which sends a float8 rounded to 15 digits:
    // 0.1 + 0.1 + 0.1 would come back as 0.3, not 0.30000000000000004.
    let session: Database = database;
    if (database.kind === 'postgres') {
      const separator = database.connectionString.includes('?') ? '&' : '?';
      session = openPostgres(`${database.connectionString}${separator}options=${encodeURIComponent('-c extra_float_digits=0')}`, 1);
    } else await sql`SET extra_float_digits = 0`.execute(database.db);
    try {
      expect((await sql<{ v: string }>`SELECT current_setting('extra_float_digits') AS v`.execute(session.db)).rows[0]!.v).toBe('0');
      const kpi = await organisationKpi({
        key: 'fee.exact',
        name: 'Fees, summed exactly',
        unit: 'GBP',
        kind: 'sum',
        source: { stream: 'operational', eventType: 'fee.exact' },
      });
      await sql`
        INSERT INTO operational_event (organisation_id, source, external_id, type, value, attributes, occurred_at)
        SELECT ${organisationId}::uuid, 'fees', 'fee-' || i, 'fee.exact', 0.1, '{}', timestamptz '2025-03-03 12:00:00Z'
        FROM generate_series(1, 3) i`.execute(database.db);
      await session.db
        .transaction()
        .execute((db) => recomputeKpi(db, organisationId, kpi, { full: true, now: new Date(), runId: randomUUID() }));
      const { rows } = await sql<{ segment: string; exact: boolean }>`
        SELECT d.segment, d.sum = (SELECT sum(value) FROM operational_event WHERE organisation_id = ${organisationId}::uuid AND type = 'fee.exact') AS exact
        FROM kpi_day d WHERE d.kpi_id = ${kpi.id}::uuid ORDER BY d.segment`.execute(database.db);
      expect(rows).toEqual([
        { segment: '', exact: true },
        { segment: '(none)', exact: true },
      ]);
    } finally {
      if (session !== database) await session.close();
      else await sql`RESET extra_float_digits`.execute(database.db);
    }
  });
});

// Two transactions at once need two connections, which the embedded database has not.
describe.skipIf(!process.env.TEST_DATABASE_URL)('incremental recompute beside concurrent ingests', () => {
  it('counts the rows of an ingest that began before a run and committed after it', async () => {
    if (database.kind !== 'postgres') throw new Error('runs on PostgreSQL');
    const kpi = await organisationKpi({
      key: 'org.nps.concurrent',
      name: 'NPS (all journeys)',
      unit: 'points',
      kind: 'nps',
      source: { stream: 'survey', instrument: 'nps' },
    });
    await run(kpi, true);
    const november = async () => (await results(kpi.id)).find((r) => r.segment === '' && r.period === '2026-11-01')?.n ?? 0;
    const before = await november();
    const answer = (externalId: string, day: string, score: number) => ({
      organisation_id: organisationId,
      source: 'concurrent',
      external_id: externalId,
      instrument: 'nps' as const,
      score,
      occurred_at: `2026-11-${day}T10:00:00Z`,
    });

    // An ingest begins and stores its row, but has not committed when the run starts…
    const other = openPostgres(database.connectionString, 1);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let stored!: () => void;
    const storedEarly = new Promise<void>((resolve) => (stored = resolve));
    const early = other.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('survey_response')
        .values(answer('early', '02', 0))
        .execute();
      stored();
      await held;
    });
    try {
      await storedEarly;
      // …while a later ingest commits first, and a run counts it.
      await database.db
        .insertInto('survey_response')
        .values(answer('late', '03', 10))
        .execute();
      await run(kpi, false);
      expect(await november()).toBe(before + 1);

      commit();
      await early;
      // The next run finds the early ingest's row, though it was stored before the row counted last.
      const next = await run(kpi, false);
      expect(next.mode).toBe('incremental');
      expect(await november()).toBe(before + 2);
      const afterIncremental = await results(kpi.id);
      await run(kpi, true);
      expect(await results(kpi.id)).toEqual(afterIncremental);
    } finally {
      commit();
      await early.catch(() => {});
      await other.close();
    }
  });
});

describe('day ranges', () => {
  it('merge consecutive days and keep the others apart', () => {
    expect(dayRanges(['2026-11-02', '2026-10-31', '2026-11-01', '2026-10-20', '2026-11-01'])).toEqual([
      ['2026-10-20T00:00:00Z', '2026-10-21T00:00:00Z'],
      ['2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z'],
    ]);
  });
});

describe('periods', () => {
  it('start on Mondays, the first of the month and of the quarter', () => {
    expect(periodStart('2026-11-01', 'week')).toBe('2026-10-26');
    expect(periodStart('2026-10-26', 'week')).toBe('2026-10-26');
    expect(periodStart('2026-11-17', 'month')).toBe('2026-11-01');
    expect(periodStart('2026-11-17', 'quarter')).toBe('2026-10-01');
    expect(periodStart('2026-02-28', 'quarter')).toBe('2026-01-01');
    expect(periodStart('2026-02-28', 'day')).toBe('2026-02-28');
  });
});
