import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../auth/session-token.ts';
import { createApp } from './app.ts';

const PASSWORD = 'correct horse battery staple';
let database: Database;
let server: Server;
let base: string;
let clock = new Date('2026-11-25T09:00:00Z');
const mail: string[] = [];
const ids = { org: '', admin: '', viewer: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  ids.admin = await insertMember(database.db, ids.org, { email: 'admin@a.example', passwordHash, role: 'admin' });
  ids.viewer = await insertMember(database.db, ids.org, { email: 'viewer@a.example', passwordHash, role: 'viewer' });
  const app = createApp({
    db: database.db,
    now: () => clock,
    log: (m) => {
      if (m.includes('failed')) console.error(m);
    },
    publicUrl: 'http://throughline.test',
    limits: { signInPerIpPerMinute: 5, tokenRequestsPerMinute: 3 },
    notifier: {
      invitation: async (to, _org, link) => void mail.push(`${to} ${link}`),
      passwordReset: async (to, link) => void mail.push(`${to} ${link}`),
    },
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await database.close();
});

/** Each test moves to its own minute so the rate-limit windows never overlap. */
function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
}

async function rpc(path: string, input: unknown, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'POST') {
  const res =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${base}/trpc/${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { data: { code: string } } };
  return { status: res.status, headers: res.headers, data: body.result?.data, code: body.error?.data.code };
}

async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await rpc('auth.signIn', { email, password });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('sessions', () => {
  it('end after the idle timeout, and a request inside it keeps them alive', async () => {
    advance(60_000);
    const cookie = await signIn('admin@a.example');
    advance(SESSION_IDLE_MS - 60_000);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(200);
    advance(SESSION_IDLE_MS - 60_000);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(200);
    advance(SESSION_IDLE_MS + 1);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(401);
  });

  it('record being seen at most once a minute, so reads stay reads', async () => {
    advance(60_000);
    const cookie = await signIn('admin@a.example');
    const seen = () => database.db.selectFrom('session').select('last_seen_at').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const first = (await seen()).last_seen_at.getTime();
    advance(30_000);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(200);
    expect((await seen()).last_seen_at.getTime()).toBe(first);
    advance(31_000);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(200);
    expect((await seen()).last_seen_at.getTime()).toBe(first + 61_000);
  });

  it('end at the absolute timeout however busy they are', async () => {
    advance(60_000);
    const cookie = await signIn('admin@a.example');
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS; elapsed += SESSION_IDLE_MS / 2) {
      advance(SESSION_IDLE_MS / 2);
      expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(200);
    }
    advance(SESSION_IDLE_MS);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(401);
  });

  it('are rotated at sign-in and revoked at sign-out', async () => {
    advance(60_000);
    const first = await signIn('admin@a.example');
    const second = await (async () => {
      const res = await fetch(`${base}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: first },
        body: JSON.stringify({ email: 'admin@a.example', password: PASSWORD }),
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    })();
    expect(second).not.toBe(first);
    expect((await rpc('team.list', undefined, { cookie: first }, 'GET')).status).toBe(401);
    expect((await rpc('auth.signOut', {}, { cookie: second })).status).toBe(200);
    expect((await rpc('team.list', undefined, { cookie: second }, 'GET')).status).toBe(401);
  });

  it('are revoked when the member is removed', async () => {
    advance(60_000);
    const passwordHash = await hashPassword(PASSWORD);
    const leaverId = await insertMember(database.db, ids.org, { email: 'leaver@a.example', passwordHash, role: 'viewer' });
    const leaver = await signIn('leaver@a.example');
    expect((await rpc('team.list', undefined, { cookie: leaver }, 'GET')).status).toBe(200);
    const admin = await signIn('admin@a.example');
    expect((await rpc('member.remove', { userId: leaverId }, { cookie: admin })).status).toBe(200);
    expect((await rpc('team.list', undefined, { cookie: leaver }, 'GET')).status).toBe(401);
  });

  it('all end when the password is reset with a one-time token', async () => {
    advance(60_000);
    const cookie = await signIn('viewer@a.example');
    expect((await rpc('auth.requestPasswordReset', { email: 'viewer@a.example' })).data).toEqual({ ok: true });
    expect((await rpc('auth.requestPasswordReset', { email: 'nobody@a.example' })).data).toEqual({ ok: true });
    const link = mail.find((m) => m.startsWith('viewer@a.example http://throughline.test/reset-password?token='))!;
    const token = new URL(link.split(' ')[1]!).searchParams.get('token')!;
    advance(60_000);
    expect((await rpc('auth.resetPassword', { token, password: 'a brand new password' })).status).toBe(200);
    expect((await rpc('team.list', undefined, { cookie }, 'GET')).status).toBe(401);
    expect((await rpc('auth.resetPassword', { token, password: 'and another one again' })).code).toBe('BAD_REQUEST');
    await signIn('viewer@a.example', 'a brand new password');
  });
});

describe('API tokens', () => {
  it('work as bearer tokens until revoked, and record when they were last used', async () => {
    advance(60_000);
    const admin = await signIn('admin@a.example');
    const created = await rpc('token.create', { name: 'CRM sync', scopes: ['model:read'], expiresInDays: 30 }, { cookie: admin });
    const { id, token } = created.data as { id: string; token: string };
    expect(token).toMatch(/^tl_[\w-]{43}$/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await rpc('team.list', undefined, bearer, 'GET')).status).toBe(200);
    expect((await rpc('kpi.list', undefined, bearer, 'GET')).status).toBe(200);
    expect((await rpc('member.list', undefined, bearer, 'GET')).status).toBe(403);
    const used = await database.db.selectFrom('api_token').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(used.last_used_at).toEqual(clock);
    expect((await rpc('token.revoke', { id }, { cookie: admin })).status).toBe(200);
    expect((await rpc('team.list', undefined, bearer, 'GET')).status).toBe(401);
  });

  it('stop working when they expire', async () => {
    advance(60_000);
    const admin = await signIn('admin@a.example');
    const { token } = (await rpc('token.create', { name: 'short', scopes: ['kpi:read'], expiresInDays: 1 }, { cookie: admin })).data as {
      token: string;
    };
    expect((await rpc('kpi.list', undefined, { authorization: `Bearer ${token}` }, 'GET')).status).toBe(200);
    advance(86_400_000 + 1);
    expect((await rpc('kpi.list', undefined, { authorization: `Bearer ${token}` }, 'GET')).status).toBe(401);
  });

  it('are rate limited per token with 429 and Retry-After', async () => {
    advance(60_000);
    const admin = await signIn('admin@a.example');
    const { token } = (await rpc('token.create', { name: 'busy', scopes: ['kpi:read'], expiresInDays: 30 }, { cookie: admin })).data as {
      token: string;
    };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await rpc('kpi.list', undefined, { authorization: `Bearer ${token}` }, 'GET');
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});

describe('sign-in', () => {
  it('is rate limited per address with 429 and Retry-After, and every attempt is audited', async () => {
    advance(60_000);
    const before = await database.db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'auth.sign_in_failed')
      .executeTakeFirstOrThrow();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // The viewer, not the admin: five failures in a row also lock the account they name.
    for (let i = 0; i < 6; i++) {
      const res = await rpc('auth.signIn', { email: 'viewer@a.example', password: 'wrong password' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const after = await database.db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'auth.sign_in_failed')
      .executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(5);
  });
});

describe('requests', () => {
  it('refuse mutations that are not JSON, so a cross-site form cannot send one', async () => {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=admin%40a.example&password=x',
    });
    expect(res.status).toBe(415);
  });
});

describe('the database', () => {
  it('never holds a plaintext password or token', async () => {
    advance(60_000);
    const admin = await signIn('admin@a.example');
    const { token } = (await rpc('token.create', { name: 'secret check', scopes: ['kpi:read'], expiresInDays: 30 }, { cookie: admin }))
      .data as { token: string };
    const { link } = (await rpc('member.invite', { email: 'new@a.example', role: 'viewer', teamId: null }, { cookie: admin })).data as {
      link: string;
    };
    const invitationToken = new URL(link).searchParams.get('token')!;
    const sessionToken = admin.split('=')[1]!;
    const { rows } = await sql<{ dump: string }>`
      SELECT concat_ws(' ',
        (SELECT string_agg(email || password_hash, ' ') FROM app_user),
        (SELECT string_agg(token_hash, ' ') FROM session),
        (SELECT string_agg(token_hash || prefix, ' ') FROM api_token),
        (SELECT string_agg(token_hash, ' ') FROM invitation),
        (SELECT string_agg(token_hash, ' ') FROM password_reset),
        (SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') FROM audit_event)) AS dump`.execute(database.db);
    const dump = rows[0]!.dump;
    for (const secret of [PASSWORD, 'a brand new password', token, token.slice(3), invitationToken, sessionToken]) {
      expect(dump.includes(secret), `found a secret in the database`).toBe(false);
    }
    expect(dump).toMatch(/\$argon2id\$/);
  });
});
