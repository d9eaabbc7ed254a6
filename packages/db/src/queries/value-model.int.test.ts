import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../database.ts';
import { insertCustomerBase } from '../seed/customer-base.ts';
import { insertKpi, insertOrganisation } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { getKpi } from './kpi.queries.ts';
import { customerOutcomes, surveyPeriod } from './value-estimate.queries.ts';
import { refitValueModel } from './value-model.queries.ts';

const NOW = new Date('2026-11-01T00:00:00Z');
let database: Database;
let organisationId: string;
let kpiId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  // PostgreSQL's autovacuum could gather statistics mid-test; this database is thrown away after.
  for (const table of ['survey_response', 'operational_event'])
    await sql`ALTER TABLE ${sql.table(table)} SET (autovacuum_enabled = off)`.execute(db);
  // An organisation already there and analysed: the statistics then describe only it, and say a
  // newcomer has next to no rows. That is what once planned the refit as nested loops.
  const settled = await insertOrganisation(db, 'settled');
  await insertCustomerBase(db, settled.id, { customers: 200, now: NOW, seed: 7 });
  await sql`ANALYZE survey_response, operational_event`.execute(db);
  organisationId = (await insertOrganisation(db, 'newcomer')).id;
  kpiId = await insertKpi(db, organisationId, { key: 'org.nps', name: 'NPS' });
  // Not analysed after: the planner still sees the settled organisation alone.
  await insertCustomerBase(db, organisationId, { customers: 3_000, now: NOW });
});
afterAll(() => database.close());

/** The plan of every statement `read` sends, instead of running it. */
async function plansOf(db: Db, read: (db: Db) => Promise<unknown>): Promise<unknown[]> {
  const explain: KyselyPlugin = {
    transformQuery: ({ node }) => sql`EXPLAIN (FORMAT JSON) ${{ toOperationNode: () => node }}`.toOperationNode(),
    transformResult: async ({ result }) => result,
  };
  const rows = (await read(db.withPlugin(explain))) as { 'QUERY PLAN': unknown }[];
  return rows.map((r) => r['QUERY PLAN']);
}

function nodeTypes(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(nodeTypes);
  if (typeof plan !== 'object' || plan === null) return [];
  const node = plan as { Plan?: unknown; Plans?: unknown[]; 'Node Type'?: string };
  return [...(node['Node Type'] ? [node['Node Type']] : []), ...nodeTypes(node.Plan ?? []), ...nodeTypes(node.Plans ?? [])];
}

describe('the value model of a new organisation with thousands of customers, statistics not yet gathered', () => {
  it('reads the customers’ outcomes in one sorted pass, whatever the statistics say: no join to plan badly', async () => {
    const { db } = database;
    const period = (await surveyPeriod(db, organisationId, 'nps'))!;
    const types = nodeTypes(await plansOf(db, (explained) => customerOutcomes(explained, organisationId, 'nps', period)));
    expect(types).toContain('Sort');
    expect(types.filter((t) => /Loop|Join/.test(t))).toEqual([]);
  });

  it('refits, and to the same estimates as once the tables are analysed', async () => {
    const { db } = database;
    const kpi = await getKpi(db, organisationId, kpiId);
    const stale = await refitValueModel(db, organisationId, kpi, NOW);
    expect(stale.problems).toEqual([]);
    expect(stale.estimates.map((e) => e.method)).toEqual(['band_ltv', 'churn_regression']);
    expect(stale.estimates[0]!.nCustomers).toBeGreaterThan(1_000);
    await sql`ANALYZE survey_response, operational_event`.execute(db);
    expect(await refitValueModel(db, organisationId, kpi, NOW)).toEqual(stale);
  });
});
