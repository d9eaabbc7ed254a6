import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createApp } from '../http/app.ts';

const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;
let database: Database;
let server: Server;
let base: string;
const clock = new Date('2026-12-01T09:00:00Z');
const ids = { org: '', admin: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  ids.admin = await insertMember(database.db, ids.org, {
    email: 'admin@harbour.example',
    passwordHash: await hashPassword(PASSWORD),
    role: 'admin',
  });
  const app = createApp({
    db: database.db,
    now: () => clock,
    log: () => {},
    limits: { signInPerIpPerMinute: 1_000, tokenRequestsPerMinute: 1_000 },
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

interface Answer {
  status: number;
  data: unknown;
  error?: { message: string; data: { code: string; issues: { path: string; message: string }[] } };
}
async function rpc(path: string, input: unknown, headers: Record<string, string>, method: 'GET' | 'POST' = 'POST'): Promise<Answer> {
  const res =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${base}/trpc/${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: Answer['error'] };
  return { status: res.status, data: body.result?.data, error: body.error };
}

async function signIn(email: string): Promise<{ cookie: string }> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

/** A second admin, signed in. */
async function anotherAdmin(email: string) {
  const userId = await insertMember(database.db, ids.org, { email, passwordHash: await hashPassword(PASSWORD), role: 'admin' });
  return { userId, session: await signIn(email) };
}

async function createToken(session: { cookie: string }, name: string, expiresInDays: number | null) {
  const answer = await rpc('token.create', { name, scopes: ['kpi:read'], expiresInDays }, session);
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return answer.data as { id: string; token: string };
}

interface Listed {
  id: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdBy: { userId: string } | null;
  attention: string | null;
}
async function listed(session: { cookie: string }): Promise<Map<string, Listed>> {
  const answer = await rpc('token.list', undefined, session, 'GET');
  expect(answer.status).toBe(200);
  return new Map((answer.data as Listed[]).map((t) => [t.id, t]));
}

const bearerStatus = async (token: string) => (await rpc('kpi.list', undefined, { authorization: `Bearer ${token}` }, 'GET')).status;

describe("a removed member's API tokens", () => {
  it('are revoked with the membership, at once, each audited', async () => {
    const admin = await signIn('admin@harbour.example');
    const leaver = await anotherAdmin('leaver@harbour.example');
    const theirs = await createToken(leaver.session, 'Their CRM sync', 90);
    const ours = await createToken(admin, 'Our CRM sync', 90);
    expect(await bearerStatus(theirs.token)).toBe(200);

    const removed = await rpc('member.remove', { userId: leaver.userId }, admin);
    expect(removed.data).toEqual({ ok: true, tokensRevoked: 1 });
    expect(await bearerStatus(theirs.token)).toBe(401);
    expect(await bearerStatus(ours.token)).toBe(200);
    const tokens = await listed(admin);
    expect(tokens.get(theirs.id)).toMatchObject({ revokedAt: clock.toISOString(), attention: null });
    const audited = await database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'after'])
      .where('action', '=', 'token.revoked')
      .where('entity_id', '=', theirs.id)
      .execute();
    expect(audited).toEqual([{ actor_id: ids.admin, after: { reason: 'creator_removed', creator: leaver.userId } }]);
  });
});

describe("a demoted admin's API tokens", () => {
  it('keep working, and are flagged in the token list with who created them', async () => {
    const admin = await signIn('admin@harbour.example');
    const demoted = await anotherAdmin('demoted@harbour.example');
    const theirs = await createToken(demoted.session, 'Survey export', 90);
    const ours = await createToken(admin, 'Billing feed', 90);
    expect((await listed(admin)).get(theirs.id)).toMatchObject({ createdBy: { userId: demoted.userId }, attention: null });

    expect((await rpc('member.changeRole', { userId: demoted.userId, role: 'team_member' }, admin)).status).toBe(200);
    const tokens = await listed(admin);
    expect(tokens.get(theirs.id)).toMatchObject({ createdBy: { userId: demoted.userId }, attention: 'creator_demoted' });
    expect(tokens.get(ours.id)).toMatchObject({ createdBy: { userId: ids.admin }, attention: null });
    expect(await bearerStatus(theirs.token)).toBe(200);
  });

  it('flags a live token whose creator left before removal revoked tokens, and no revoked one', async () => {
    const admin = await signIn('admin@harbour.example');
    const earlier = await anotherAdmin('earlier@harbour.example');
    const left = await createToken(earlier.session, 'Left behind', 90);
    const revoked = await createToken(earlier.session, 'Already revoked', 90);
    expect((await rpc('token.revoke', { id: revoked.id }, admin)).status).toBe(200);
    // As an earlier release removed members: the membership goes, the tokens stay.
    await database.db.deleteFrom('member').where('user_id', '=', earlier.userId).execute();
    const tokens = await listed(admin);
    expect(tokens.get(left.id)?.attention).toBe('creator_removed');
    expect(tokens.get(revoked.id)?.attention).toBeNull();
  });
});

describe("the organisation's longest token lifetime", () => {
  it('is set by an admin, and refuses a longer or no expiry naming the field, storing nothing', async () => {
    const admin = await signIn('admin@harbour.example');
    const set = await rpc('organisation.updateSettings', { maxTokenLifetimeDays: 30 }, admin);
    expect(set.status).toBe(200);
    expect(set.data).toMatchObject({ maxTokenLifetimeDays: 30, timeZone: 'UTC' });
    const before = (await listed(admin)).size;
    for (const expiresInDays of [null, 31, 365]) {
      const refused = await rpc('token.create', { name: `Too long ${expiresInDays}`, scopes: ['kpi:read'], expiresInDays }, admin);
      expect(refused.status, `${expiresInDays}`).toBe(400);
      expect(refused.error?.data.issues).toEqual([{ path: 'expiresInDays', message: expect.stringMatching(/30 days/) as unknown }]);
    }
    expect((await listed(admin)).size).toBe(before);
    const within = await createToken(admin, 'Within the limit', 30);
    expect((await listed(admin)).get(within.id)?.expiresAt).toBe(new Date(clock.getTime() + 30 * DAY).toISOString());
  });

  it('brings tokens already out within it, counted from when it is set, and says how many', async () => {
    const admin = await signIn('admin@harbour.example');
    expect((await rpc('organisation.updateSettings', { maxTokenLifetimeDays: null }, admin)).data).toMatchObject({
      maxTokenLifetimeDays: null,
    });
    const forever = await createToken(admin, 'Forever', null);
    const long = await createToken(admin, 'A year', 365);
    const short = await createToken(admin, 'A week', 7);
    const set = await rpc('organisation.updateSettings', { maxTokenLifetimeDays: 60 }, admin);
    const latest = new Date(clock.getTime() + 60 * DAY).toISOString();
    const tokens = await listed(admin);
    expect(tokens.get(forever.id)?.expiresAt).toBe(latest);
    expect(tokens.get(long.id)?.expiresAt).toBe(latest);
    expect(tokens.get(short.id)?.expiresAt).toBe(new Date(clock.getTime() + 7 * DAY).toISOString());
    // Every live token out-living 60 days: these two, and the 90-day ones of the tests before.
    const live90 = [...tokens.values()].filter((t) => !t.revokedAt && t.expiresAt === latest).length;
    expect(set.data).toMatchObject({ maxTokenLifetimeDays: 60, tokensShortened: live90 });
    expect(await bearerStatus(forever.token)).toBe(200);
  });

  it('refuses a lifetime out of range naming the field, and keeps the setting', async () => {
    const admin = await signIn('admin@harbour.example');
    for (const maxTokenLifetimeDays of [0, 731, 1.5]) {
      const refused = await rpc('organisation.updateSettings', { maxTokenLifetimeDays }, admin);
      expect(refused.status).toBe(400);
      expect(refused.error?.data.issues.map((i) => i.path)).toEqual(['maxTokenLifetimeDays']);
    }
    expect((await rpc('organisation.get', undefined, admin, 'GET')).data).toMatchObject({ maxTokenLifetimeDays: 60 });
  });

  it('is for admins only', async () => {
    await insertMember(database.db, ids.org, {
      email: 'lead@harbour.example',
      passwordHash: await hashPassword(PASSWORD),
      role: 'cx_lead',
    });
    const lead = await signIn('lead@harbour.example');
    expect((await rpc('organisation.updateSettings', { maxTokenLifetimeDays: 365 }, lead)).status).toBe(403);
  });
});
