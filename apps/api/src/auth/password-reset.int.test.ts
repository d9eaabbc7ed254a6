import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { createInnerContext } from '../context.ts';
import { createCaller } from '../router.ts';
import { hashPassword } from './password.ts';
import { hashSecret, newSecret } from './session-token.ts';

let database: Database;
const mail: { to: string; token: string }[] = [];
const ids = { org: '', ada: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  ids.ada = await insertMember(database.db, ids.org, {
    email: 'ada@harbour.example',
    passwordHash: await hashPassword('the first password'),
    role: 'viewer',
  });
});
afterAll(() => database.close());

const anonymous = () =>
  createCaller(
    createInnerContext({
      db: database.db,
      limits: { signInPerIpPerMinute: 1_000, tokenRequestsPerMinute: 1_000 },
      notifier: {
        invitation: async () => {},
        passwordReset: async (to, link) => void mail.push({ to, token: new URL(link).searchParams.get('token')! }),
      },
    }),
  );

/** Asks for a reset link for Ada and returns its token, as her mailbox would receive it. */
async function requestLink(): Promise<string> {
  await anonymous().auth.requestPasswordReset({ email: 'ada@harbour.example' });
  return mail.at(-1)!.token;
}

async function reset(token: string, password: string): Promise<string> {
  try {
    await anonymous().auth.resetPassword({ token, password });
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/invalid, used or expired/);
    return error.code;
  }
}

async function signsInWith(password: string): Promise<boolean> {
  return anonymous()
    .auth.signIn({ email: 'ada@harbour.example', password })
    .then(
      () => true,
      () => false,
    );
}

describe('password reset links', () => {
  it('only the newest works: a newer request voids the older link, and using the newer one voids everything', async () => {
    const older = await requestLink();
    const newer = await requestLink();
    expect(older).not.toBe(newer);
    expect(await reset(newer, 'a second password here')).toBe('OK');
    expect(await reset(older, 'an attacker chose this')).toBe('BAD_REQUEST');
    expect(await signsInWith('a second password here')).toBe(true);
  });

  it('the other way round: the older link is refused once a newer one was asked for, and the newer still works once', async () => {
    const older = await requestLink();
    const newer = await requestLink();
    expect(await reset(older, 'an attacker chose this')).toBe('BAD_REQUEST');
    expect(await reset(newer, 'a third password here')).toBe('OK');
    expect(await reset(newer, 'an attacker chose this')).toBe('BAD_REQUEST');
    expect(await reset(older, 'an attacker chose this')).toBe('BAD_REQUEST');
    expect(await signsInWith('a third password here')).toBe(true);
    expect(await signsInWith('an attacker chose this')).toBe(false);
  });

  it('a successful reset voids every other live link, e.g. several issued before this rule', async () => {
    // Links as earlier releases left them: more than one live at once.
    const links = [newSecret(), newSecret(), newSecret()];
    for (const token of links) {
      await database.db
        .insertInto('password_reset')
        .values({ token_hash: hashSecret(token), user_id: ids.ada, expires_at: new Date(Date.now() + 30 * 60_000) })
        .execute();
    }
    expect(await reset(links[1]!, 'a fourth password here')).toBe('OK');
    expect(await reset(links[0]!, 'an attacker chose this')).toBe('BAD_REQUEST');
    expect(await reset(links[2]!, 'an attacker chose this')).toBe('BAD_REQUEST');
    const live = await database.db
      .selectFrom('password_reset')
      .select('token_hash')
      .where('user_id', '=', ids.ada)
      .where('used_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    expect(await signsInWith('a fourth password here')).toBe(true);
  });
});
