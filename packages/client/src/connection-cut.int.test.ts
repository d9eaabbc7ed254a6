import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@throughline/api/app';
import { openPostgres, type Database } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import { createThroughlineClient } from './client.ts';

// Connections cut by the server (pg_terminate_backend, a failover) exist on PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL connection cut under a call in flight', () => {
  const APP = 'throughline-cut-me';
  let database: Database;
  let app: Database;
  let server: Server;
  let url: string;
  let token: string;
  const logged: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // The app's own pool, named so the test cuts its connections and no other.
    app = openPostgres(`${database.connectionString}?application_name=${APP}`, 4);
    server = await new Promise<Server>((resolve) => {
      const s = createApp({ db: app.db, log: (m) => logged.push(m) }).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (path: string, input: unknown, cookie = '') =>
      fetch(`${url}/trpc/${path}`, {
        method: 'POST',
        body: JSON.stringify(input),
        headers: { 'content-type': 'application/json', cookie },
      });
    const signUp = await post('auth.signUp', {
      organisationName: 'Harbour',
      displayName: 'Ada',
      email: 'ada@harbour.example',
      password: 'correct horse battery',
    });
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
    const created = await post('token.create', { name: 'feed', scopes: ['ingest:write', 'kpi:read'] }, cookie);
    token = ((await created.json()) as { result: { data: { token: string } } }).result.data.token;
  });
  afterAll(async () => {
    server?.close();
    await app?.close();
    await database?.close();
  });

  it('fails only that call, with a 503 the typed client sends again: stored once, and the process serves on', async () => {
    const statuses: number[] = [];
    const client = createThroughlineClient({
      url,
      token,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        statuses.push(res.status);
        return res;
      },
    });
    const responses = Array.from({ length: 50 }, (_, i) => ({
      source: 'survey-tool',
      externalId: `cut-${i}`,
      instrument: 'nps' as const,
      score: i % 11,
      customerId: null,
      journeyId: null,
      stepId: null,
      channel: null,
      segment: null,
      verbatim: null,
      occurredAt: '2026-03-02T09:00:00Z',
    }));
    await client.kpi.list.query(); // the token is known, the pool warm

    // Hold the table, so the ingest waits on the server with its connection checked out; cut
    // that connection; let go.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = database.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE survey_response IN ACCESS EXCLUSIVE MODE`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    const ingest = client.ingest.surveyResponses.mutate({ responses });
    for (let waited = 0; ; waited += 50) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${APP} AND wait_event_type = 'Lock'`.execute(database.db);
      if (rows[0]!.n > 0) break;
      if (waited > 20_000) throw new Error('the ingest never waited on the lock');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { rows: cut } = await sql<{ ok: boolean }>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ${APP}`.execute(database.db);
    expect(cut.length).toBeGreaterThan(0);
    letGo();
    await holder;

    expect(await ingest).toMatchObject({ received: 50, inserted: 50, duplicates: 0 });
    expect(statuses.slice(-2)).toEqual([503, 200]);
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response`.execute(database.db);
    expect(stored.rows[0]!.n).toBe(50);
    // Sent again, the batch counts as duplicates.
    expect(await client.ingest.surveyResponses.mutate({ responses })).toMatchObject({ inserted: 0, duplicates: 50 });
    expect(logged.filter((m) => m.includes('failed'))).toEqual([]);
  });
});
