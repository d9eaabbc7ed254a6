import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { insertOrganisation } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { noteRowsStored, serverKeepsStatistics } from './table-statistics.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const estimate = async () =>
  (
    await sql<{ rows: number }>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'operational_event'::regclass`.execute(
      database.db,
    )
  ).rows[0]!.rows;

describe('table statistics', () => {
  it('are left to the server where it keeps them: PostgreSQL has autovacuum, the embedded database none', () => {
    expect(serverKeepsStatistics(database.db)).toBe(database.kind === 'postgres');
  });

  it('are refreshed once enough rows have been stored, so the planner sees the table as it is', async () => {
    const org = (await insertOrganisation(database.db, 'harbour')).id;
    const before = await estimate();
    const rows = Array.from({ length: 3_000 }, (_, i) => ({
      organisation_id: org,
      source: 's',
      external_id: `e${i}`,
      type: 'contact',
      attributes: '{}',
      occurred_at: '2026-11-01T10:00:00Z',
    }));
    await database.db.insertInto('operational_event').values(rows).execute();
    // Below the threshold nothing is run; the estimate stays what it was (on PostgreSQL autovacuum
    // may get there on its own, so only the embedded database, which has none, is held to it).
    expect(await noteRowsStored(database.db, 'operational_event', 2_000, 3_000)).toBe(false);
    if (database.kind === 'pglite') expect(await estimate()).toBe(before);
    // The threshold reached: ANALYZE, and the planner's estimate is the table's size.
    expect(await noteRowsStored(database.db, 'operational_event', 1_000, 3_000)).toBe(true);
    expect(await estimate()).toBeGreaterThanOrEqual(2_900);
    // The count starts again, and a big table waits for a tenth of itself: 50,000 rows analysed,
    // the next refresh comes after 5,000 more rather than 3,000.
    await sql`INSERT INTO operational_event (organisation_id, source, external_id, type, attributes, occurred_at)
              SELECT ${org}::uuid, 's', 'f' || i, 'contact', '{}', '2026-11-01T10:00:00Z' FROM generate_series(1, 47000) AS i`.execute(
      database.db,
    );
    expect(await noteRowsStored(database.db, 'operational_event', 3_000, 3_000)).toBe(true);
    expect(await noteRowsStored(database.db, 'operational_event', 4_000, 3_000)).toBe(false);
    expect(await noteRowsStored(database.db, 'operational_event', 1_000, 3_000)).toBe(true);
  });
});
