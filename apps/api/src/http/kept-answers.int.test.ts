import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationStamps, type Database, type OrganisationStamps } from '@throughline/db';
import {
  countingDb,
  createTestDatabase,
  insertJourney,
  insertKpi,
  insertMember,
  insertOrganisation,
  insertTeam,
} from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { hashSecret } from '../auth/session-token.ts';
import { createApp } from './app.ts';

// The reads a page repeats are sent again as they were while the organisation's rows are
// unchanged: what must never happen is a stale, foreign or unauthorised answer.
const PASSWORD = 'pw-1234567890';
const PAGE = `/trpc/auth.me,kpi.list,team.list,journey.list,kpi.dashboard,journey.stepNames?batch=1&input=${encodeURIComponent(JSON.stringify({ 4: { periods: 12 } }))}`;
let database: Database;
let counting: ReturnType<typeof countingDb>;
let server: Server;
let base = '';
// Ten minutes before the organisation's midnight (UTC): a test moves past it.
let clock = new Date('2026-12-02T23:50:00Z');
const orgs = { harbour: '', inland: '' };
const cookies = { ada: '', bea: '', cal: '' };
let harbourTeam = '';
let stamps: OrganisationStamps;

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  orgs.harbour = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  orgs.inland = (await insertOrganisation(database.db, 'inland', 'Inland')).id;
  await insertMember(database.db, orgs.harbour, { email: 'ada@harbour.example', passwordHash, role: 'admin' });
  await insertMember(database.db, orgs.harbour, { email: 'bea@harbour.example', passwordHash, role: 'viewer' });
  await insertMember(database.db, orgs.inland, { email: 'cal@inland.example', passwordHash, role: 'admin' });
  harbourTeam = await insertTeam(database.db, orgs.harbour, 'Claims Experience');
  await insertTeam(database.db, orgs.inland, 'Inland Logistics');
  await insertJourney(database.db, orgs.harbour, 'Make a claim', { accountableTeamId: harbourTeam });
  await insertKpi(database.db, orgs.harbour, { key: 'nps', name: 'Harbour NPS', target: 40 });
  await insertKpi(database.db, orgs.inland, { key: 'nps', name: 'Inland NPS', target: 20 });
  counting = countingDb(database.db);
  // Stamps kept until a change is announced, as the server keeps them (on PostgreSQL through a
  // connection that listens; the change straight in the database below is another process's).
  stamps = await organisationStamps(database);
  const app = createApp({ db: counting.db, now: () => clock, log: () => {}, stamps });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [who, email] of [
    ['ada', 'ada@harbour.example'],
    ['bea', 'bea@harbour.example'],
    ['cal', 'cal@inland.example'],
  ] as const) {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    cookies[who] = res.headers.getSetCookie()[0]!.split(';')[0]!;
  }
});
afterAll(async () => {
  server.close();
  await stamps.close();
  await database.close();
});

async function page(cookie: string, encoding = 'identity') {
  const res = await fetch(`${base}${PAGE}`, { headers: { cookie, 'accept-encoding': encoding } });
  const body = (await res.json()) as { result: { data: unknown } }[];
  return {
    status: res.status,
    encoding: res.headers.get('content-encoding'),
    data: body.map((b) => b.result?.data) as [Me, Named[], Named[], Named[], unknown[], Named[]],
  };
}
type Me = { email: string; role: string } | null;

/** Calls `read` until `done` holds, for at most `withinMs` (0: the first answer must hold). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs: number): Promise<T> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const value = await read();
    if (done(value) || performance.now() >= deadline) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
type Named = { name: string };

describe('kept answers', () => {
  it('answers a repeated page from memory: the same answer, and no statement', async () => {
    const first = await page(cookies.ada);
    expect(first.status).toBe(200);
    expect(first.data[1].map((k) => k.name)).toEqual(['Harbour NPS']);
    counting.reset();
    const again = await page(cookies.ada);
    expect(again).toEqual(first);
    expect(counting.statements()).toBe(0);
  });

  it('shows a change made through the API at once, and one made straight in the database too', async () => {
    await page(cookies.ada);
    const [team] = await database.db.selectFrom('team').select('version').where('id', '=', harbourTeam).execute();
    const renamed = await fetch(`${base}/trpc/team.update`, {
      method: 'POST',
      headers: { cookie: cookies.ada, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: harbourTeam,
        version: team!.version,
        name: 'Claims Care',
        purpose: 'Claims purpose',
        capabilities: ['design'],
        annualBudget: 500_000,
        spendingAuthority: 25_000,
      }),
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect((await page(cookies.ada)).data[2].map((t) => t.name)).toEqual(['Claims Care']);

    // As another process, or a job, would: nothing in this process is told but the database.
    await database.db.transaction().execute(async (tx) => {
      await tx.updateTable('kpi').set({ name: 'Harbour NPS (all customers)' }).where('organisation_id', '=', orgs.harbour).execute();
      await tx
        .updateTable('journey_step')
        .set({ name: 'Tell us what happened' })
        .where('organisation_id', '=', orgs.harbour)
        .where('position', '=', 0)
        .execute();
    });
    // Embedded: seen by the very next read. PostgreSQL: once the announcement has crossed the
    // listening connection, i.e. within milliseconds; waited for, not slept on.
    const after = await until(
      () => page(cookies.ada),
      (p) => p.data[1][0]?.name === 'Harbour NPS (all customers)',
      database.kind === 'pglite' ? 0 : 2_000,
    );
    expect(after.data[1].map((k) => k.name)).toEqual(['Harbour NPS (all customers)']);
    expect(after.data[5].map((s) => s.name)).toContain('Tell us what happened');
  });

  it('keeps nothing a rolled-back change would have shown', async () => {
    const before = await page(cookies.ada);
    await database.db
      .transaction()
      .execute(async (tx) => {
        await tx.updateTable('kpi').set({ name: 'Never saved' }).where('organisation_id', '=', orgs.harbour).execute();
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await page(cookies.ada)).toEqual(before);
  });

  it("never sends one organisation's answer to another, nor one person's identity to another", async () => {
    const harbour = await page(cookies.ada);
    const viewer = await page(cookies.bea);
    const inland = await page(cookies.cal);
    expect(inland.data[1].map((k) => k.name)).toEqual(['Inland NPS']);
    expect(inland.data[2].map((t) => t.name)).toEqual(['Inland Logistics']);
    expect(inland.data[3]).toEqual([]);
    expect(harbour.data[0]).toMatchObject({ email: 'ada@harbour.example', role: 'admin' });
    expect(viewer.data[0]).toMatchObject({ email: 'bea@harbour.example', role: 'viewer' });
    expect(viewer.data.slice(1)).toEqual(harbour.data.slice(1));
  });

  it('builds only what is not kept: a colleague opening the same page runs no list again', async () => {
    const mine = await page(cookies.ada);
    counting.reset();
    const theirs = await page(cookies.bea);
    // Their identity is theirs; everything else was kept from the first page, in its place.
    expect(theirs.data[0]).toMatchObject({ email: 'bea@harbour.example' });
    expect(theirs.data.slice(1)).toEqual(mine.data.slice(1));
    expect(counting.statements()).toBe(0);
  });

  it('builds a changed page once however many ask for it at the same moment', async () => {
    // Changed as this process changes things: it forgets the stamps it kept before answering.
    const change = async (purpose: string) => {
      await database.db.updateTable('team').set({ purpose }).where('id', '=', harbourTeam).execute();
      stamps.forgetAll();
    };
    await change('Asked alone');
    counting.reset();
    await page(cookies.ada);
    const once = counting.statements();
    expect(once).toBeGreaterThan(3);
    await change('Asked by twenty at once');
    counting.reset();
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => page(i % 2 ? cookies.ada : cookies.bea)));
    expect(new Set(pages.map((p) => JSON.stringify(p.data.slice(1)))).size).toBe(1);
    expect(pages.filter((p) => p.data[0]?.email === 'bea@harbour.example')).toHaveLength(10);
    expect(counting.statements()).toBeLessThanOrEqual(once);
  });

  it('still refuses a caller whose scopes do not allow the read, after a member’s answer was kept', async () => {
    await page(cookies.ada);
    const token = 'tl_kept_answers_ingest_only_token_000000000';
    const [admin] = await database.db.selectFrom('member').select('user_id').where('organisation_id', '=', orgs.harbour).execute();
    await database.db
      .insertInto('api_token')
      .values({
        organisation_id: orgs.harbour,
        name: 'ingest only',
        token_hash: hashSecret(token),
        prefix: token.slice(0, 9),
        scopes: ['ingest:write'],
        created_by: admin!.user_id,
      })
      .execute();
    const res = await fetch(`${base}/trpc/kpi.list`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect((await fetch(`${base}/trpc/kpi.list`)).status).toBe(401);
  });

  it("builds the answers again on the organisation's next day", async () => {
    await page(cookies.ada);
    counting.reset();
    await page(cookies.ada);
    const kept = counting.statements();
    clock = new Date('2026-12-03T00:05:00Z');
    counting.reset();
    await page(cookies.ada);
    expect(counting.statements()).toBeGreaterThan(kept + 3);
  });

  it('sends kept answers compressed as the caller accepts, the same JSON once decoded', async () => {
    const plain = await page(cookies.ada);
    const br = await page(cookies.ada, 'br');
    const gzip = await page(cookies.ada, 'gzip');
    expect([br.encoding, gzip.encoding]).toEqual(['br', 'gzip']);
    expect(br.data).toEqual(plain.data);
    expect(gzip.data).toEqual(plain.data);
  });

  it('moves the stamp when a transaction commits, once, and not for raw answers or a rollback', async () => {
    const stamp = async () =>
      (await database.db.selectFrom('organisation_stamp').select('stamp').where('organisation_id', '=', orgs.inland).executeTakeFirst())
        ?.stamp ?? 0;
    const before = await stamp();
    await database.db.transaction().execute(async (tx) => {
      await insertTeam(tx, orgs.inland, 'Inland Returns');
      await insertTeam(tx, orgs.inland, 'Inland Claims');
    });
    expect(await stamp()).toBe(before + 1);
    await database.db
      .insertInto('survey_response')
      .values({
        organisation_id: orgs.inland,
        source: 'test',
        external_id: 'r1',
        instrument: 'nps',
        score: 9,
        customer_id: null,
        journey_id: null,
        step_id: null,
        channel: 'web',
        segment: 'all',
        verbatim: null,
        occurred_at: new Date(),
      })
      .execute();
    await sql`SELECT 1`.execute(database.db);
    expect(await stamp()).toBe(before + 1);
  });

  it('sends a call asked alone as its answer and in a batch as a list, whichever was kept first', async () => {
    // Enough KPIs for the list to be sent compressed, where the two bodies are kept apart.
    for (let i = 0; i < 12; i++)
      await insertKpi(database.db, orgs.inland, { key: `extra${i}`, name: `Inland KPI number ${i}, named at length` });
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.cal, 'accept-encoding': 'gzip' } });
      return { encoding: res.headers.get('content-encoding'), body: await res.json() };
    };
    const alone = await get('/trpc/kpi.list');
    const batched = await get(`/trpc/kpi.list?batch=1&input=${encodeURIComponent('{}')}`);
    const aloneAgain = await get('/trpc/kpi.list');
    expect(alone.encoding).toBe('gzip');
    expect((alone.body as { result: { data: Named[] } }).result.data).toHaveLength(13);
    expect(batched.body).toEqual([alone.body]);
    expect(aloneAgain.body).toEqual(alone.body);
  });
});
