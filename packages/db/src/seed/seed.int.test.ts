import { CHANNELS, eventTypeIssue, normaliseEventType, routeProposal, ZKpiSource } from '@throughline/domain';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../database.ts';
import { randomUUID } from 'node:crypto';
import { acidTest } from '../queries/acid-test.queries.ts';
import { listFailurePoints } from '../queries/failure-point.queries.ts';
import { recomputeKpi } from '../queries/kpi-engine.queries.ts';
import { listKpis } from '../queries/kpi.queries.ts';
import { kpiValueLinks, listValueEstimates } from '../queries/value-estimate.queries.ts';
import { refitValueModel } from '../queries/value-model.queries.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { DEMO_ORGANISATION_SLUG, DEMO_SIGN_IN, seedDemoIfEmpty, type SeedResult } from './seed.ts';

const NOW = new Date('2026-11-01T00:00:00Z');
const SEED_TIMEOUT = 120_000;

const NPS = sql<number>`round(100.0 * (count(*) filter (where score >= 9) - count(*) filter (where score <= 6)) / count(*), 1)::float8`;
const TOP_TWO = sql<number>`round(100.0 * count(*) filter (where score >= 4) / count(*), 1)::float8`;

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function tableCounts(db: Db) {
  type Counts = Record<
    'organisations' | 'members' | 'teams' | 'systems' | 'journeys' | 'steps' | 'policies' | 'kpis' | 'surveys' | 'operational',
    number
  >;
  const [counts] = await rows<Counts>(
    db,
    sql`SELECT
      (SELECT count(*) FROM organisation)::int AS organisations,
      (SELECT count(*) FROM member)::int AS members,
      (SELECT count(*) FROM team)::int AS teams,
      (SELECT count(*) FROM system)::int AS systems,
      (SELECT count(*) FROM journey)::int AS journeys,
      (SELECT count(*) FROM journey_step)::int AS steps,
      (SELECT count(*) FROM policy)::int AS policies,
      (SELECT count(*) FROM kpi)::int AS kpis,
      (SELECT count(*) FROM survey_response)::int AS surveys,
      (SELECT count(*) FROM operational_event)::int AS operational`,
  );
  return counts!;
}

/** Everything about the events except database-generated ids, reduced to a few numbers. */
async function eventFingerprint(db: Db) {
  const [fingerprint] = await rows(
    db,
    sql<{ surveys: string; scores: number; operational: string; values: number }>`SELECT
      (SELECT md5(string_agg(concat_ws('|', s.source, s.external_id, s.instrument, s.score, s.customer_id, st.name,
                                        s.channel, s.segment, s.verbatim, s.occurred_at), ',' ORDER BY s.source, s.external_id))
         FROM survey_response s LEFT JOIN journey_step st ON st.id = s.step_id) AS surveys,
      (SELECT sum(score)::int FROM survey_response) AS scores,
      (SELECT md5(string_agg(concat_ws('|', e.source, e.external_id, e.type, e.value, e.customer_id, st.name,
                                        e.attributes::text, e.occurred_at), ',' ORDER BY e.source, e.external_id))
         FROM operational_event e LEFT JOIN journey_step st ON st.id = e.step_id) AS operational,
      (SELECT round(sum(value)::numeric, 2)::float8 FROM operational_event) AS values`,
  );
  return fingerprint!;
}

describe('demo organisation seed', () => {
  let database: Database;
  let first: SeedResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await seedDemoIfEmpty(database.db, { adminPasswordHash: 'scrypt$demo-hash', now: NOW });
  }, SEED_TIMEOUT);
  afterAll(() => database?.close());

  it('seeds a complete operating model and a year of events', async () => {
    const { db } = database;
    expect(first.seeded).toBe(true);
    expect(first.rows).toBeGreaterThanOrEqual(100_000);

    const counts = await tableCounts(db);
    expect(counts.organisations).toBe(1);
    expect(counts.teams).toBeGreaterThanOrEqual(5);
    expect(counts.teams).toBeLessThanOrEqual(7);
    expect(counts.systems).toBeGreaterThanOrEqual(8);
    expect(counts.systems).toBeLessThanOrEqual(12);
    expect(counts.kpis).toBeGreaterThanOrEqual(10);
    expect(counts.kpis).toBeLessThanOrEqual(14);
    expect(counts.policies).toBeGreaterThanOrEqual(8);
    expect(counts.surveys + counts.operational).toBeGreaterThanOrEqual(100_000);

    const journeys = await rows(
      db,
      sql<{ name: string; stages: number; steps: number; accountable: number; stage_positions_ok: boolean; step_positions_ok: boolean }>`
        SELECT j.name,
          (SELECT count(*) FROM journey_stage s WHERE s.journey_id = j.id)::int AS stages,
          (SELECT count(*) FROM journey_step s WHERE s.journey_id = j.id)::int AS steps,
          (SELECT count(*) FROM remit r WHERE r.journey_id = j.id AND r.role = 'accountable')::int AS accountable,
          (SELECT max(position) + 1 = count(*) FROM journey_stage s WHERE s.journey_id = j.id) AS stage_positions_ok,
          (SELECT bool_and(n = m) FROM (SELECT count(*) AS n, max(position) + 1 AS m FROM journey_step s
             WHERE s.journey_id = j.id GROUP BY stage_id) x) AS step_positions_ok
        FROM journey j ORDER BY j.name`,
    );
    expect(journeys.map((j) => j.name)).toEqual(['Buy home insurance', 'Renew my policy', 'Report a home-insurance claim']);
    for (const j of journeys) {
      expect(j.stages).toBeGreaterThanOrEqual(4);
      expect(j.stages).toBeLessThanOrEqual(6);
      expect(j.steps).toBeGreaterThanOrEqual(15);
      expect(j.steps).toBeLessThanOrEqual(25);
      expect(j.accountable).toBe(1);
      expect(j.stage_positions_ok).toBe(true);
      expect(j.step_positions_ok).toBe(true);
    }

    const [blueprint] = await rows(
      db,
      sql<{ empty_lanes: number; bad_channels: number; without_systems: number }>`SELECT
        count(*) FILTER (WHERE '' IN (customer_action, frontstage, backstage, support_processes, evidence))::int AS empty_lanes,
        count(*) FILTER (WHERE NOT (channel = ANY(${[...CHANNELS]}::text[])))::int AS bad_channels,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM step_system ss WHERE ss.step_id = journey_step.id))::int AS without_systems
        FROM journey_step`,
    );
    expect(blueprint).toEqual({ empty_lanes: 0, bad_channels: 0, without_systems: 0 });

    const kpiSources = await db.selectFrom('kpi').select(['key', 'source']).execute();
    for (const k of kpiSources) expect(ZKpiSource.safeParse(k.source).success, k.key).toBe(true);

    const admin = await db
      .selectFrom('member')
      .innerJoin('app_user', 'app_user.id', 'member.user_id')
      .innerJoin('organisation', 'organisation.id', 'member.organisation_id')
      .select(['member.role', 'app_user.password_hash', 'organisation.slug', 'organisation.currency'])
      .where('app_user.email', '=', DEMO_SIGN_IN.email)
      .executeTakeFirstOrThrow();
    expect(admin).toEqual({ role: 'admin', password_hash: 'scrypt$demo-hash', slug: DEMO_ORGANISATION_SLUG, currency: 'GBP' });
  });

  it('stores only event types the ingestion API would take as they are', async () => {
    const types = await rows<{ type: string }>(database.db, sql`SELECT DISTINCT type FROM operational_event ORDER BY type`);
    expect(types.length).toBeGreaterThan(5);
    for (const { type } of types) {
      expect(normaliseEventType(type), type).toBe(type);
      expect(eventTypeIssue(type), type).toBeNull();
    }
  });

  it('routes every demo change proposal as the governance rules would, with its decisions logged', async () => {
    const proposals = await database.db
      .selectFrom('change_proposal as p')
      .innerJoin('team', 'team.id', 'p.team_id')
      .select(['p.id', 'p.policy_id', 'p.team_id', 'p.cost', 'p.state', 'p.approver', 'p.routing_reason', 'team.spending_authority'])
      .execute();
    expect(proposals.map((p) => p.state).sort()).toEqual(['draft', 'implemented', 'proposed', 'rejected']);
    for (const p of proposals.filter((x) => x.state !== 'draft')) {
      const [owner, rights] = await Promise.all([
        database.db.selectFrom('policy').select('owner_team_id').where('id', '=', p.policy_id).executeTakeFirstOrThrow(),
        database.db.selectFrom('decision_right').select('team_id').where('policy_id', '=', p.policy_id).execute(),
      ]);
      const route = routeProposal({
        changeTeamIds: [owner.owner_team_id, ...rights.map((r) => r.team_id)],
        proposingTeamId: p.team_id,
        spendingAuthority: p.spending_authority,
        cost: p.cost,
      });
      expect({ approver: p.approver, reason: p.routing_reason }).toEqual({ approver: route.approver, reason: route.reason });
    }
    const decided = proposals.filter((p) => p.state === 'implemented' || p.state === 'rejected').map((p) => p.id);
    const decisions = await database.db.selectFrom('decision').select('subject_id').where('subject_type', '=', 'change_proposal').execute();
    expect(decisions.map((d) => d.subject_id).sort()).toEqual(decided.sort());
  });

  it('does nothing once an organisation exists', async () => {
    const before = await tableCounts(database.db);
    const again = await seedDemoIfEmpty(database.db, { adminPasswordHash: 'other', now: NOW });
    expect(again).toMatchObject({ seeded: false, rows: 0 });
    expect(await tableCounts(database.db)).toEqual(before);
  });

  it('dips claims NPS and CSAT in the winter storm season', async () => {
    const seasons = await rows(
      database.db,
      sql<{ season: string; instrument: string; score: number }>`
        SELECT CASE WHEN extract(month FROM s.occurred_at) IN (12, 1, 2) THEN 'winter' ELSE 'summer' END AS season,
               s.instrument, CASE s.instrument WHEN 'nps' THEN ${NPS} ELSE ${TOP_TWO} END AS score
        FROM survey_response s JOIN journey j ON j.id = s.journey_id
        WHERE j.name = 'Report a home-insurance claim' AND extract(month FROM s.occurred_at) IN (12, 1, 2, 6, 7, 8)
        GROUP BY 1, 2`,
    );
    const score = (season: string, instrument: string) => seasons.find((s) => s.season === season && s.instrument === instrument)!.score;
    expect(score('summer', 'nps') - score('winter', 'nps')).toBeGreaterThan(10);
    expect(score('summer', 'csat') - score('winter', 'csat')).toBeGreaterThan(5);
  });

  it('makes the assessor visit the failing claims step', async () => {
    const steps = await rows(
      database.db,
      sql<{ name: string; csat: number; escalations: number; median_hours: number }>`
        SELECT st.name,
          (SELECT ${TOP_TWO} FROM survey_response s WHERE s.step_id = st.id AND s.instrument = 'csat') AS csat,
          (SELECT count(*)::int FROM operational_event e WHERE e.step_id = st.id AND e.type = 'escalation') AS escalations,
          (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value) FROM operational_event e
             WHERE e.step_id = st.id AND e.type = 'resolution') AS median_hours
        FROM journey_step st JOIN journey j ON j.id = st.journey_id
        WHERE j.name = 'Report a home-insurance claim'`,
    );
    const worst = (by: (s: (typeof steps)[number]) => number) => [...steps].sort((a, b) => by(a) - by(b))[0]!.name;
    expect(worst((s) => s.csat)).toBe('Assessor visits the home');
    expect(worst((s) => -s.escalations)).toBe('Assessor visits the home');
    expect(worst((s) => -s.median_hours)).toBe('Assessor visits the home');
  });

  it('lifts renewal NPS steadily through the year', async () => {
    const [quarters] = await rows(
      database.db,
      sql<{ first: number; last: number }>`
        SELECT
          (SELECT ${NPS} FROM survey_response s WHERE s.journey_id = j.id AND s.instrument = 'nps'
             AND s.occurred_at < ${NOW.toISOString()}::timestamptz - interval '9 months') AS first,
          (SELECT ${NPS} FROM survey_response s WHERE s.journey_id = j.id AND s.instrument = 'nps'
             AND s.occurred_at >= ${NOW.toISOString()}::timestamptz - interval '3 months') AS last
        FROM journey j WHERE j.name = 'Renew my policy'`,
    );
    expect(quarters!.first).toBeLessThan(12);
    expect(quarters!.last).toBeGreaterThan(22);
    expect(quarters!.last - quarters!.first).toBeGreaterThan(12);
  });

  it('makes detractors churn more often than promoters', async () => {
    const bands = await rows(
      database.db,
      sql<{ band: string; churn: number }>`
        WITH latest AS (
          SELECT DISTINCT ON (customer_id) customer_id, score FROM survey_response
          WHERE instrument = 'nps' ORDER BY customer_id, occurred_at DESC)
        SELECT CASE WHEN l.score >= 9 THEN 'promoter' ELSE 'detractor' END AS band,
               avg(CASE WHEN (e.attributes->>'churned')::boolean THEN 1.0 ELSE 0.0 END)::float8 AS churn
        FROM operational_event e JOIN latest l ON l.customer_id = e.customer_id
        WHERE e.type = 'renewal_due' AND (l.score >= 9 OR l.score <= 6)
        GROUP BY 1`,
    );
    const churn = (band: string) => bands.find((b) => b.band === band)!.churn;
    expect(churn('detractor')).toBeGreaterThan(churn('promoter') * 1.5);
  });

  it('tells the value-and-delivery story: the initiatives that moved their KPIs and those that did not, the costliest failure costed', async () => {
    const { db } = database;
    const org = (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const kpis = await listKpis(db, org);
    for (const key of ['renew.nps', 'renew.churn', 'claim.csat', 'buy.ces']) {
      await db.transaction().execute((trx) =>
        recomputeKpi(
          trx,
          org,
          kpis.find((k) => k.key === key)!,
          { full: true, now: NOW, runId: randomUUID() },
        ),
      );
    }
    const report = await acidTest(db, org, NOW.toISOString().slice(0, 10));
    const verdicts = Object.fromEntries(report.map((e) => [e.title, e.verdict]));
    expect(verdicts).toEqual({
      'Clearer price-change explanation at renewal': 'improved',
      'Online claim tracking page': 'no_measurable_movement',
      // demo-acid-test-stories.int.test.ts checks these two design by design, in a window ending today.
      'Plain-English quote page': 'no_measurable_movement',
      'Adviser chat on every quote page': 'improved',
    });
    const improved = report.find((e) => e.title === 'Clearer price-change explanation at renewal')!;
    const renewalNps = improved.kpis.find((k) => k.kpiName === 'Renewal NPS')!;
    // Less than a year of history and no comparison group: the before/after decides, and says so.
    expect(renewalNps).toMatchObject({ design: 'before_after', movement: 'improved' });
    expect(renewalNps.pValue!).toBeLessThan(0.05);
    expect(renewalNps.designReason).toMatch(/cannot allow for the season/);
    // The chain it rests on: what was learned, the failure it fixes, what changed.
    expect(improved.insights.map((i) => i.title)).toContain('Unexplained rises are the top reason for leaving');
    expect(improved.failurePoints.map((f) => f.title)).toEqual(['Renewal price rise not explained in the invitation']);
    expect(improved.change.summary).toMatch(/explains the price change/);
    const [top] = await listFailurePoints(db, org);
    // 18 lost customers a month × 12 × £640 lifetime value
    expect(top).toMatchObject({ title: 'Claims over £5,000 wait nine days for an assessor', annualCost: 138_240 });
    const outcomes = await db
      .selectFrom('outcome')
      .select(['journey_id', sql<number>`count(*)::int`.as('n')])
      .groupBy('journey_id')
      .execute();
    expect(outcomes.map((o) => o.n)).toEqual([3, 3, 3]);
  });

  it('prices a point of NPS from the demo customers’ own scores and churn, by both estimators', async () => {
    const { db } = database;
    const org = (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const kpi = (await listKpis(db, org)).find((k) => k.key === 'org.nps')!;
    const { estimates, problems } = await refitValueModel(db, org, kpi, NOW);
    expect(problems).toEqual([]);
    expect(estimates.map((e) => e.method)).toEqual(['band_ltv', 'churn_regression']);
    for (const e of estimates) {
      expect(e.nCustomers).toBeGreaterThan(1_000);
      // Detractors churn more in the demo: a point is worth something, and the interval says so.
      expect(e.ciLow).toBeGreaterThan(0);
      expect(e.ciHigh).toBeGreaterThan(e.valuePerPoint);
    }
    const links = await kpiValueLinks(db, org);
    expect(links.get(kpi.id)).toMatchObject({ entered: 185_000, modelledMethod: 'churn_regression' });
    // Refitting replaces, never duplicates.
    await refitValueModel(db, org, kpi, NOW);
    expect(await listValueEstimates(db, org, kpi.id)).toHaveLength(2);
  });

  it(
    'seeds identical events for the same `now`, once, even when two callers race',
    async () => {
      const other = await createTestDatabase();
      try {
        const results = await Promise.all([
          seedDemoIfEmpty(other.db, { adminPasswordHash: 'x', now: NOW }),
          seedDemoIfEmpty(other.db, { adminPasswordHash: 'x', now: NOW }),
        ]);
        expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
        expect(await tableCounts(other.db)).toEqual(await tableCounts(database.db));
        expect(await eventFingerprint(other.db)).toEqual(await eventFingerprint(database.db));
      } finally {
        await other.close();
      }
    },
    SEED_TIMEOUT,
  );
});
