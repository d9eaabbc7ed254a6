import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openEphemeralPglite, type Database } from '../database.ts';
import { insertOrganisation, insertTeam } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { organisationStamp, organisationStamps, STAMP_EXCLUDED_TABLES } from './organisation-stamp.queries.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("an organisation's stamp", () => {
  it('is moved by every table holding organisation rows, but for the raw data and bookkeeping it names', async () => {
    const { rows } = await sql<{ table: string; stamped: boolean }>`
      SELECT c.table_name AS "table",
             EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = (quote_ident(c.table_name))::regclass AND t.tgname = c.table_name || '_stamps_organisation') AS stamped
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'organisation_id' AND c.table_name <> 'organisation_stamp'
      ORDER BY 1`.execute(database.db);
    expect(rows.length).toBeGreaterThan(30);
    const unstamped = rows.filter((r) => !r.stamped).map((r) => r.table);
    // A new table with organisation rows gets the trigger in its migration, or a reason here.
    expect(unstamped.sort()).toEqual([...STAMP_EXCLUDED_TABLES].sort());
  });

  it('moves once per committed transaction, for the organisations it changed only, and not on a rollback', async () => {
    const a = (await insertOrganisation(database.db, 'stamp-a')).id;
    const b = (await insertOrganisation(database.db, 'stamp-b')).id;
    const [a0, b0] = [(await organisationStamp(database.db, a)).stamp, (await organisationStamp(database.db, b)).stamp];
    await database.db.transaction().execute(async (tx) => {
      await insertTeam(tx, a, 'One');
      await insertTeam(tx, a, 'Two');
      await tx.updateTable('team').set({ purpose: 'Changed' }).where('organisation_id', '=', a).execute();
    });
    await database.db
      .transaction()
      .execute(async (tx) => {
        await insertTeam(tx, b, 'Never');
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect((await organisationStamp(database.db, a)).stamp).toBe(a0 + 1);
    expect((await organisationStamp(database.db, b)).stamp).toBe(b0);
    await database.db.updateTable('organisation').set({ time_zone: 'Europe/London' }).where('id', '=', b).execute();
    expect(await organisationStamp(database.db, b)).toEqual({ timeZone: 'Europe/London', stamp: b0 + 1 });
  });

  it('is kept by a process on the embedded database until a change is announced, before the change returns', async () => {
    // The embedded database as the server runs it: on its own thread.
    const template = inject('testDatabaseTemplate');
    if (template.kind !== 'pglite') return;
    const threaded = await openEphemeralPglite(new Blob([readFileSync(template.dumpFile)]), { thread: true });
    try {
      const stamps = await organisationStamps(threaded);
      const read = (id: string) => stamps.read(id);
      const org = (await insertOrganisation(threaded.db, 'threaded')).id;
      const first = await read(org);
      expect(await read(org)).toEqual(first);
      for (let i = 1; i <= 20; i++) {
        await threaded.db.transaction().execute((tx) => insertTeam(tx, org, `Team ${i}`));
        // The commit has returned: the very next read must see it.
        expect((await read(org)).stamp).toBe(first.stamp + i);
      }
      // Many readers racing many writers: whatever is read after a write returns includes it.
      const writes = Array.from({ length: 10 }, (_, i) =>
        threaded.db
          .insertInto('team')
          .values({ organisation_id: org, name: `Raced ${i}`, purpose: 'p', capabilities: [], annual_budget: 0, spending_authority: 0 })
          .execute()
          .then(() => read(org)),
      );
      const seen = await Promise.all(writes);
      expect(Math.max(...seen.map((s) => s.stamp))).toBe(first.stamp + 30);
      expect((await read(org)).stamp).toBe((await organisationStamp(threaded.db, org)).stamp);
    } finally {
      await threaded.close();
    }
  });

  it('is kept on PostgreSQL while a connection listens, and read every time while it is cut', async () => {
    if (database.kind !== 'postgres') return;
    const logged: string[] = [];
    const stamps = await organisationStamps(database, (m) => logged.push(m));
    try {
      const org = (await insertOrganisation(database.db, 'listened')).id;
      const first = await stamps.read(org);
      // Another process's change arrives as a notification, within milliseconds: waited for.
      await insertTeam(database.db, org, 'Elsewhere');
      const seen = async (stamp: number) => {
        for (const deadline = performance.now() + 2_000; performance.now() < deadline;) {
          if ((await stamps.read(org)).stamp === stamp) return true;
          await new Promise((resolve) => setImmediate(resolve));
        }
        return false;
      };
      expect(await seen(first.stamp + 1)).toBe(true);
      // This process's own change: forgotten before it answers, so the next read has it.
      await insertTeam(database.db, org, 'Here');
      stamps.forgetAll();
      expect((await stamps.read(org)).stamp).toBe(first.stamp + 2);
      // The listening connection cut: no crash, every read goes to the database meanwhile.
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN organisation_stamp' AND pid <> pg_backend_pid()`.execute(
        database.db,
      );
      await insertTeam(database.db, org, 'While cut');
      expect(await seen(first.stamp + 3)).toBe(true);
      expect(logged.join('\n')).toMatch(/read on every call until the listening connection is back/);
    } finally {
      await stamps.close();
    }
  });
});
