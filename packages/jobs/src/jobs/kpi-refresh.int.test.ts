import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import type { PgBoss } from 'pg-boss';
import { kpiRefreshSender } from '../kpi-refresh-sender.ts';
import { createBoss, ensureQueue } from '../worker.ts';
import { kpiRefresh, kpiRefreshKey } from './kpi-refresh.job.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const KPI = '00000000-0000-4000-8000-0000000000a1';
const OTHER_KPI = '00000000-0000-4000-8000-0000000000a2';

let database: Database;
let boss: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  // A boss that works no queue: the test moves jobs from queued to running itself, with fetch.
  boss = createBoss(database, { sendOnly: true });
  await boss.start();
  await ensureQueue(boss, kpiRefresh);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await database.close();
});

/** The refresh jobs of a KPI by state. */
const states = async (kpiId: string) =>
  (
    await sql<{
      state: string;
    }>`SELECT state FROM pgboss.job WHERE name = ${kpiRefresh.name} AND singleton_key = ${kpiRefreshKey(kpiId)} ORDER BY created_on, state`.execute(
      database.db,
    )
  ).rows.map((r) => r.state);

describe('the KPI refresh queue', () => {
  it('holds one queued refresh per KPI however many ingests ask, and one more while one runs', async () => {
    const refresh = kpiRefreshSender(boss);
    await refresh.send(ORG, [KPI, OTHER_KPI]);
    await refresh.send(ORG, [KPI]);
    await refresh.send(ORG, [KPI]);
    expect(await states(KPI)).toEqual(['created']);
    expect(await states(OTHER_KPI)).toEqual(['created']);

    // A worker takes it (past its debounce). A send now must queue the next one, or the rows it
    // announces would wait for the KPI's schedule: an exclusive queue, like kpi.recompute's, drops it.
    const [running] = await boss.fetch(kpiRefresh.name, { batchSize: 1, ignoreStartAfter: true });
    expect(running).toBeDefined();
    const runningKpi = (
      await sql<{ key: string }>`SELECT singleton_key AS key FROM pgboss.job WHERE id = ${running!.id}::uuid`.execute(database.db)
    ).rows[0]!.key;
    const kpiId = runningKpi === kpiRefreshKey(KPI) ? KPI : OTHER_KPI;
    expect(await states(kpiId)).toEqual(['active']);
    await refresh.send(ORG, [kpiId]);
    await refresh.send(ORG, [kpiId]);
    expect((await states(kpiId)).sort()).toEqual(['active', 'created']);
  });

  it('sends nothing for a batch that feeds no KPI', async () => {
    const before = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${kpiRefresh.name}`.execute(database.db)
    ).rows[0]!.n;
    await kpiRefreshSender(boss).send(ORG, []);
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${kpiRefresh.name}`.execute(database.db)).rows[0]!.n,
    ).toBe(before);
  });
});
