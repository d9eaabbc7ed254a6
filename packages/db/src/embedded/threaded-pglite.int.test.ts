import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEphemeralPglite, type EmbeddedDatabase } from '../database.ts';
import { uniqueViolation } from '../queries/constraint-errors.ts';

// The embedded database on its own thread, through Kysely as the app uses it.
let database: EmbeddedDatabase;
beforeAll(async () => {
  database = await openEphemeralPglite(undefined, { thread: true });
  await sql`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL CONSTRAINT label_set CHECK (label <> ''), at timestamptz, big bigint, amount numeric)`.execute(
    database.db,
  );
}, 60_000);
afterAll(() => database.close());

describe('the embedded database on its own thread', () => {
  it('returns rows with their types, as the in-thread database does', async () => {
    await sql`INSERT INTO item VALUES (1, 'one', '2026-12-02T10:00:00Z', 9007199254740, 12.5)`.execute(database.db);
    const rows = (
      await sql<{ id: number; at: Date; big: number; amount: number }>`SELECT id, at, big, amount FROM item`.execute(database.db)
    ).rows;
    expect(rows).toEqual([{ id: 1, at: new Date('2026-12-02T10:00:00Z'), big: 9007199254740, amount: 12.5 }]);
  });

  it('hands errors back with the database’s fields, so constraint handling still recognises them', async () => {
    const error = await sql`INSERT INTO item VALUES (1, 'again')`.execute(database.db).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'item_pkey' });
    expect(uniqueViolation(error)).toBe('item_pkey');
    await expect(sql`INSERT INTO item VALUES (2, '')`.execute(database.db)).rejects.toMatchObject({
      code: '23514',
      constraint: 'label_set',
    });
  });

  it('commits a transaction whole or rolls it back whole, and other statements wait for it', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO item VALUES (10, 'ten')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM item WHERE id = 10`.execute(database.db)).rows[0]!.n).toBe(0);

    // A statement from outside (pg-boss uses the database directly) waits until the transaction ends.
    const seen: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await database.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO item VALUES (11, 'eleven')`.execute(trx);
      outside = database.pglite
        .query<{ n: number }>('SELECT count(*)::int AS n FROM item WHERE id = 11')
        .then((r) => seen.push(`outside saw ${r.rows[0]!.n}`));
      await new Promise((r) => setTimeout(r, 100));
      seen.push('committing');
    });
    await outside;
    expect(seen).toEqual(['committing', 'outside saw 1']);
  });

  it('reports a statement that fails inside a transaction and leaves the database usable', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO item VALUES (20, 'twenty')`.execute(trx);
        await sql`INSERT INTO item VALUES (20, 'twenty again')`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM item WHERE id = 20`.execute(database.db)).rows[0]!.n).toBe(0);
  });

  it('runs several statements at once in exec and loads data through a blob', async () => {
    const results = await database.pglite.exec("INSERT INTO item VALUES (30, 'thirty'); SELECT label FROM item WHERE id = 30;");
    expect(results.at(-1)!.rows).toEqual([{ label: 'thirty' }]);
    await database.pglite.query(`COPY item (id, label) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob(['31,thirty-one\n32,thirty-two\n']),
    });
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM item WHERE id IN (31, 32)`.execute(database.db)).rows[0]!.n).toBe(2);
  });

  it('dumps its data dir, which loads into a new one with the same rows', async () => {
    const copy = await openEphemeralPglite(await database.pglite.dumpDataDir('none'), { thread: true });
    try {
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM item`.execute(copy.db)).rows[0]!.n).toBeGreaterThan(3);
    } finally {
      await copy.close();
    }
  }, 60_000);
});
