import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession, type Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { createApp } from '../http/app.ts';
import { createCredentialCache, CREDENTIAL_CACHE_TTL_MS } from './credential-cache.ts';
import { hashPassword } from './password.ts';
import { hashSecret, newSecret, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-token.ts';

// Two apps on one database stand for two API processes: `here` makes each change, `there`
// only learns of it from the database, when what it remembers runs out.
const PASSWORD = 'correct horse battery staple';
let database: Database;
let clock = new Date('2026-12-02T09:00:00Z');
const servers: Server[] = [];
const base = { here: '', there: '' };
let passwordHash = '';
let org = '';
const mail: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
  org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  await insertMember(database.db, org, { email: 'admin@a.example', passwordHash, role: 'admin' });
  for (const which of ['here', 'there'] as const) {
    const app = createApp({
      db: database.db,
      now: () => clock,
      log: () => {},
      limits: { signInPerIpPerMinute: 1_000, tokenRequestsPerMinute: 1_000 },
      notifier: { invitation: async () => {}, passwordReset: async (to, link) => void mail.push(`${to} ${link}`) },
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    base[which] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});
afterAll(async () => {
  for (const s of servers) s.close();
  await database.close();
});

function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
}

async function call(where: 'here' | 'there', path: string, headers: Record<string, string>, input?: unknown) {
  const res =
    input === undefined
      ? await fetch(`${base[where]}/trpc/${path}`, { headers })
      : await fetch(`${base[where]}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown } };
  return { status: res.status, data: body.result?.data };
}

async function signIn(email: string, password = PASSWORD): Promise<{ cookie: string }> {
  const res = await fetch(`${base.here}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

async function newMember(email: string, role: 'admin' | 'viewer' | 'cx_lead') {
  return insertMember(database.db, org, { email, passwordHash, role });
}

/** Both processes answer the cookie once, so both remember it. */
async function usedInBoth(headers: Record<string, string>, path = 'kpi.list') {
  expect((await call('here', path, headers)).status).toBe(200);
  expect((await call('there', path, headers)).status).toBe(200);
}

describe('a session remembered by the API', () => {
  it('signed out is refused at once in this process, and in another within the bound', async () => {
    advance(60_000);
    const me = await signIn('admin@a.example');
    await usedInBoth(me);
    expect((await call('here', 'auth.signOut', me, {})).status).toBe(200);
    expect((await call('here', 'kpi.list', me)).status).toBe(401);
    // The documented staleness: the other process still remembers it…
    advance(CREDENTIAL_CACHE_TTL_MS - 1);
    expect((await call('there', 'kpi.list', me)).status).toBe(200);
    // …and no longer once the bound has passed.
    advance(1);
    expect((await call('there', 'kpi.list', me)).status).toBe(401);
  });

  it('takes a changed role at once in this process, and in another within the bound', async () => {
    advance(60_000);
    const userId = await newMember('second-admin@a.example', 'admin');
    const them = await signIn('second-admin@a.example');
    await usedInBoth(them, 'token.list');
    const admin = await signIn('admin@a.example');
    expect((await call('here', 'member.changeRole', admin, { userId, role: 'viewer' })).status).toBe(200);
    expect((await call('here', 'token.list', them)).status).toBe(403);
    expect(((await call('here', 'auth.me', them)).data as { role: string }).role).toBe('viewer');
    advance(CREDENTIAL_CACHE_TTL_MS);
    expect((await call('there', 'token.list', them)).status).toBe(403);
    expect(((await call('there', 'auth.me', them)).data as { role: string }).role).toBe('viewer');
  });

  it('of a removed member is refused at once in this process, and in another within the bound', async () => {
    advance(60_000);
    const userId = await newMember('leaver@a.example', 'viewer');
    const leaver = await signIn('leaver@a.example');
    await usedInBoth(leaver);
    const admin = await signIn('admin@a.example');
    expect((await call('here', 'member.remove', admin, { userId })).status).toBe(200);
    expect((await call('here', 'kpi.list', leaver)).status).toBe(401);
    advance(CREDENTIAL_CACHE_TTL_MS);
    expect((await call('there', 'kpi.list', leaver)).status).toBe(401);
  });

  it('ends at once in this process when the password is reset, and in another within the bound', async () => {
    advance(60_000);
    await newMember('forgetful@a.example', 'viewer');
    const them = await signIn('forgetful@a.example');
    await usedInBoth(them);
    await call('here', 'auth.requestPasswordReset', {}, { email: 'forgetful@a.example' });
    const token = new URL(mail.find((m) => m.startsWith('forgetful@a.example '))!.split(' ')[1]!).searchParams.get('token')!;
    expect((await call('here', 'auth.resetPassword', {}, { token, password: 'a new and longer password' })).status).toBe(200);
    expect((await call('here', 'kpi.list', them)).status).toBe(401);
    advance(CREDENTIAL_CACHE_TTL_MS);
    expect((await call('there', 'kpi.list', them)).status).toBe(401);
  });

  it('is never used past the session’s own end, however recently it was read', async () => {
    advance(60_000);
    const me = await signIn('admin@a.example');
    const ends = new Date(clock.getTime() + 1_000);
    await database.db
      .updateTable('session')
      .set({ expires_at: ends })
      .where('token_hash', '=', hashSecret(me.cookie.split('=')[1]!))
      .execute();
    expect((await call('here', 'kpi.list', me)).status).toBe(200);
    advance(1_000);
    expect((await call('here', 'kpi.list', me)).status).toBe(401);
  });
});

describe('an API token remembered by the API', () => {
  it('revoked is refused at once in this process, and in another within the bound', async () => {
    advance(60_000);
    const admin = await signIn('admin@a.example');
    const { id, token } = (await call('here', 'token.create', admin, { name: 'CRM', scopes: ['kpi:read'], expiresInDays: 30 })).data as {
      id: string;
      token: string;
    };
    const bearer = { authorization: `Bearer ${token}` };
    await usedInBoth(bearer);
    expect((await call('here', 'token.revoke', admin, { id })).status).toBe(200);
    expect((await call('here', 'kpi.list', bearer)).status).toBe(401);
    advance(CREDENTIAL_CACHE_TTL_MS);
    expect((await call('there', 'kpi.list', bearer)).status).toBe(401);
  });
});

describe('the credential cache', () => {
  it('does not keep what a lookup read while something was being forgotten', async () => {
    advance(60_000);
    const me = await signIn('admin@a.example');
    const tokenHash = hashSecret(me.cookie.split('=')[1]!);
    const cache = createCredentialCache();
    // The lookup is reading when the session is forgotten (as a sign-out commits meanwhile).
    const reading = cache.session(database.db, tokenHash, clock, SESSION_IDLE_MS);
    cache.forgetSession(tokenHash);
    expect(await reading).toBeDefined();
    await database.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    expect(await cache.session(database.db, tokenHash, clock, SESSION_IDLE_MS)).toBeUndefined();
  });

  it('answers from memory within the bound without asking the database', async () => {
    advance(60_000);
    const me = await signIn('admin@a.example');
    const tokenHash = hashSecret(me.cookie.split('=')[1]!);
    const cache = createCredentialCache();
    expect(await cache.session(database.db, tokenHash, clock, SESSION_IDLE_MS)).toBeDefined();
    await database.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    expect(
      await cache.session(database.db, tokenHash, new Date(clock.getTime() + CREDENTIAL_CACHE_TTL_MS - 1), SESSION_IDLE_MS),
    ).toBeDefined();
    expect(
      await cache.session(database.db, tokenHash, new Date(clock.getTime() + CREDENTIAL_CACHE_TTL_MS), SESSION_IDLE_MS),
    ).toBeUndefined();
  });

  it('past half the bound answers from memory at once and reads the database meanwhile, so a steady caller never waits', async () => {
    advance(60_000);
    const me = await signIn('admin@a.example');
    const tokenHash = hashSecret(me.cookie.split('=')[1]!);
    const cache = createCredentialCache();
    expect(await cache.session(database.db, tokenHash, clock, SESSION_IDLE_MS)).toBeDefined();
    await database.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    let statementRan: () => void = () => {};
    const ran = new Promise<void>((resolve) => (statementRan = resolve));
    const watched = database.db.withPlugin({
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        statementRan();
        return result;
      },
    });
    const half = new Date(clock.getTime() + CREDENTIAL_CACHE_TTL_MS / 2);
    // Answered from what it remembers (the session is gone, but within the bound)…
    expect(await cache.session(watched, tokenHash, half, SESSION_IDLE_MS)).toBeDefined();
    // …while the database is read again in the background: once that read is in, it is refused.
    await ran;
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.session(database.db, tokenHash, new Date(half.getTime() + 1), SESSION_IDLE_MS)).toBeUndefined();
  });

  it('reads the sessions of fifty people opening the app at once in one statement', async () => {
    advance(60_000);
    const user = await newMember('fifty@a.example', 'viewer');
    const hashes: string[] = [];
    for (let i = 0; i < 50; i++) {
      const tokenHash = hashSecret(newSecret());
      await insertSession(database.db, {
        tokenHash,
        userId: user,
        organisationId: org,
        now: clock,
        expiresAt: new Date(clock.getTime() + SESSION_ABSOLUTE_MS),
      });
      hashes.push(tokenHash);
    }
    const statements: string[] = [];
    const counted = database.db.withPlugin({
      transformQuery: ({ node }) => {
        statements.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const cache = createCredentialCache();
    const unknown = hashSecret(newSecret());
    const found = await Promise.all([...hashes, unknown].map((h) => cache.session(counted, h, clock, SESSION_IDLE_MS)));
    expect(found.slice(0, 50).every((actor) => actor?.kind === 'member' && actor.email === 'fifty@a.example')).toBe(true);
    expect(found[50]).toBeUndefined();
    expect(statements).toEqual(['SelectQueryNode']);

    // A minute on, each is due to record being seen: still one read, and one write for all of them.
    statements.length = 0;
    const later = new Date(clock.getTime() + 60_000);
    const again = await Promise.all(hashes.map((h) => cache.session(counted, h, later, SESSION_IDLE_MS)));
    expect(again.every((actor) => actor !== undefined)).toBe(true);
    expect(statements).toEqual(['SelectQueryNode', 'UpdateQueryNode']);
    const seen = await database.db.selectFrom('session').select('last_seen_at').where('token_hash', 'in', hashes).execute();
    expect(seen.map((r) => r.last_seen_at.getTime())).toEqual(hashes.map(() => later.getTime()));

    // Recording being seen is best effort: when that write fails, everyone is still let in.
    const failingWrites = database.db.withPlugin({
      transformQuery: ({ node }) => {
        if (node.kind === 'UpdateQueryNode') throw new Error('deadlock detected');
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const muchLater = new Date(later.getTime() + 60_000);
    const still = await Promise.all(hashes.map((h) => createCredentialCache().session(failingWrites, h, muchLater, SESSION_IDLE_MS)));
    expect(still.every((actor) => actor?.kind === 'member')).toBe(true);
  });
});
