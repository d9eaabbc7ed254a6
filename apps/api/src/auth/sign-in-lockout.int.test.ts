import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { createApp } from '../http/app.ts';
import { hashPassword } from './password.ts';

const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the right password';
let database: Database;
const servers: Server[] = [];
/** Two API processes' apps over one database: a lock set through one holds in the other. */
const bases: string[] = [];
let clock = new Date('2026-11-25T09:00:00Z');
const mail: string[] = [];
const ids = { org: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ['ada@harbour.example', 'bo@harbour.example', 'cy@harbour.example'])
    await insertMember(database.db, ids.org, { email, passwordHash, role: 'viewer' });
  for (let i = 0; i < 2; i++) {
    const app = createApp({
      db: database.db,
      now: () => clock,
      log: () => {},
      // The per-address limit out of the way: this is about the account.
      limits: { signInPerIpPerMinute: 1_000, tokenRequestsPerMinute: 1_000 },
      notifier: { invitation: async () => {}, passwordReset: async (_to, link) => void mail.push(link) },
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
});
afterAll(async () => {
  for (const server of servers) server.close();
  await database.close();
});

const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

async function rpc(process: number, path: string, input: unknown) {
  const res = await fetch(`${bases[process]}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { error?: { message: string } };
  return { status: res.status, message: body.error?.message ?? null, retryAfter: res.headers.get('retry-after') };
}
const signIn = (process: number, email: string, password: string) => rpc(process, 'auth.signIn', { email, password });

const audited = (action: string, after: Date) =>
  database.db
    .selectFrom('audit_event')
    .select(['actor_id', 'entity_id', 'after'])
    .where('action', '=', action)
    .where('at', '>=', after)
    .execute();

describe('sign-in lockout', () => {
  it('locks an account for a minute at the fifth failure in a row; the right password is then refused with when to try again', async () => {
    const started = new Date();
    for (let i = 1; i <= 4; i++)
      expect(await signIn(i % 2, 'ada@harbour.example', WRONG), `failure ${i}`).toMatchObject({
        status: 401,
        message: 'Email or password is incorrect',
      });
    const fifth = await signIn(0, 'ada@harbour.example', WRONG);
    expect(fifth.status).toBe(401);
    expect(fifth.message).toMatch(/locked until 09:01 UTC/);

    advance(10_000);
    for (const process of [0, 1]) {
      const refused = await signIn(process, 'ada@harbour.example', PASSWORD);
      expect(refused.status, `process ${process}`).toBe(429);
      expect(refused.message).toMatch(/Too many failed sign-ins for this account: it is locked until 09:01 UTC\. Try again in a minute/);
      expect(refused.retryAfter).toBe('50');
    }
    expect(await audited('auth.account_locked', started)).toEqual([
      expect.objectContaining({
        entity_id: expect.any(String) as unknown,
        after: expect.objectContaining({ failures: 5, lockedUntil: '2026-11-25T09:01:00.000Z' }) as unknown,
      }),
    ]);
    expect(await audited('auth.sign_in_locked', started)).toHaveLength(2);

    advance(50_000);
    expect((await signIn(1, 'ada@harbour.example', PASSWORD)).status).toBe(200);
  });

  it('backs off: each failure after a lock locks again for twice as long, until a sign-in succeeds', async () => {
    advance(60_000);
    for (let i = 1; i <= 5; i++) await signIn(0, 'bo@harbour.example', WRONG);
    advance(60_000);
    expect((await signIn(1, 'bo@harbour.example', WRONG)).message).toMatch(/Try again in 2 minutes/);
    advance(60_000);
    expect(await signIn(0, 'bo@harbour.example', PASSWORD)).toMatchObject({ status: 429, retryAfter: '60' });
    advance(60_000);
    expect((await signIn(0, 'bo@harbour.example', WRONG)).message).toMatch(/Try again in 4 minutes/);
    advance(4 * 60_000);
    expect((await signIn(1, 'bo@harbour.example', PASSWORD)).status).toBe(200);
    // The success started the count again: one failure locks nothing.
    expect(await signIn(1, 'bo@harbour.example', WRONG)).toMatchObject({ status: 401, message: 'Email or password is incorrect' });
    expect((await signIn(0, 'bo@harbour.example', PASSWORD)).status).toBe(200);
  });

  it('treats an email with no account the same, so a lock tells nobody who has one', async () => {
    advance(60_000);
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 1; i <= 6; i++) {
      known.push(await signIn(0, 'cy@harbour.example', WRONG));
      unknown.push(await signIn(1, 'nobody@harbour.example', WRONG));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429 });
  });

  it('is lifted by a password reset', async () => {
    const reset = await rpc(0, 'auth.requestPasswordReset', { email: 'cy@harbour.example' });
    expect(reset.status).toBe(200);
    const token = new URL(mail.at(-1)!).searchParams.get('token')!;
    expect((await rpc(1, 'auth.resetPassword', { token, password: 'a brand new password' })).status).toBe(200);
    expect((await signIn(0, 'cy@harbour.example', 'a brand new password')).status).toBe(200);
  });
});
