import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { hashSecret } from '../auth/session-token.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';

let database: Database;
const ids = { harbour: '', other: '', otherJourney: '', harbourJourney: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const passwordHash = await hashPassword('correct horse battery staple');
  const harbour = await insertOrganisation(db, 'harbour', 'Harbour');
  const other = await insertOrganisation(db, 'other', 'Other Org');
  ids.harbour = harbour.id;
  ids.other = other.id;
  await insertMember(db, harbour.id, { email: 'ada@harbour.example', passwordHash, role: 'admin', name: 'Ada' });
  await insertMember(db, other.id, { email: 'bo@other.example', passwordHash, role: 'viewer', name: 'Bo' });
  const claims = await insertTeam(db, harbour.id, 'Claims Experience');
  await insertTeam(db, harbour.id, 'Digital Sales');
  const otherTeam = await insertTeam(db, other.id, 'Other Team');
  ids.harbourJourney = (
    await insertJourney(db, harbour.id, 'Report a claim', { accountableTeamId: claims, stages: 3, stepsPerStage: 2 })
  ).id;
  ids.otherJourney = (await insertJourney(db, other.id, 'Other journey', { accountableTeamId: otherTeam })).id;
});
afterAll(() => database.close());

async function signedIn(email: string) {
  const cookies = recordingCookies(null);
  const actor = await createCaller(createInnerContext({ db: database.db, cookies })).auth.signIn({
    email,
    password: 'correct horse battery staple',
  });
  return { actor, token: cookies.written! };
}

async function callerFor(email: string) {
  const { actor } = await signedIn(email);
  return createCaller(createInnerContext({ db: database.db, actor }));
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('auth', () => {
  it('signs in with the right password, sets a session cookie and stores only its hash', async () => {
    const { actor, token } = await signedIn('ADA@harbour.example');
    expect(actor).toMatchObject({ email: 'ada@harbour.example', role: 'admin', organisationName: 'Harbour' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.selectFrom('session').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashSecret(token));
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const caller = createCaller(createInnerContext({ db: database.db }));
    const wrong = await errorOf(caller.auth.signIn({ email: 'ada@harbour.example', password: 'nope' }));
    const unknown = await errorOf(caller.auth.signIn({ email: 'nobody@harbour.example', password: 'nope' }));
    expect([wrong.code, unknown.code]).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
    expect(wrong.message).toBe(unknown.message);
  });

  it('signing out deletes the session', async () => {
    const { token } = await signedIn('ada@harbour.example');
    const cookies = recordingCookies(token);
    await createCaller(createInnerContext({ db: database.db, cookies })).auth.signOut();
    expect(cookies.written).toBeNull();
    const left = await database.db.selectFrom('session').select('token_hash').where('token_hash', '=', hashSecret(token)).execute();
    expect(left).toEqual([]);
  });
});

describe('tenancy', () => {
  it('requires sign-in for organisation data', async () => {
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    expect((await errorOf(anonymous.team.list())).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anonymous.journey.list())).code).toBe('UNAUTHORIZED');
    expect(await anonymous.auth.me()).toBeNull();
  });

  it("lists only the caller's own organisation's teams and journeys", async () => {
    const ada = await callerFor('ada@harbour.example');
    expect((await ada.team.list()).map((t) => t.name)).toEqual(['Claims Experience', 'Digital Sales']);
    const journeys = await ada.journey.list();
    expect(journeys).toEqual([
      expect.objectContaining({ name: 'Report a claim', accountableTeamName: 'Claims Experience', stageCount: 3, stepCount: 6 }),
    ]);
  });

  it("answers another organisation's journey id with NOT_FOUND", async () => {
    const ada = await callerFor('ada@harbour.example');
    expect((await errorOf(ada.journey.get({ id: ids.otherJourney }))).code).toBe('NOT_FOUND');
    const own = await ada.journey.get({ id: ids.harbourJourney });
    expect(own.stages.map((s) => s.steps.map((st) => st.position))).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('counts only its own rows in the overview', async () => {
    const bo = await callerFor('bo@other.example');
    expect(await bo.organisation.overview()).toMatchObject({ teams: 1, journeys: 1 });
  });
});

describe('bad input', () => {
  it('is a BAD_REQUEST naming each bad field', async () => {
    const ada = await callerFor('ada@harbour.example');
    const error = await errorOf(ada.journey.get({ id: 'not-a-uuid' }));
    expect(error.code).toBe('BAD_REQUEST');
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    const signIn = await errorOf(anonymous.auth.signIn({ email: 'not an email', password: '' }));
    expect(signIn.code).toBe('BAD_REQUEST');
  });
});
