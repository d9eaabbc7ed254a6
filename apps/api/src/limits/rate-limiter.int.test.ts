import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashSecret } from '../auth/session-token.ts';
import { createApp } from '../http/app.ts';
import { createRateLimiter } from './rate-limiter.ts';

let database: Database;
const MINUTE = 60_000;
// Each test has a minute of its own, so no window is shared between tests.
let clock = new Date('2026-12-02T09:00:00Z');
const nextMinute = () => (clock = new Date(clock.getTime() + MINUTE));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const stored = async (key: string) =>
  (await database.db.selectFrom('rate_limit').select('hits').where('key', '=', key).where('window_start', '=', clock).executeTakeFirst())
    ?.hits ?? 0;

async function hits(limiter: ReturnType<typeof createRateLimiter>, key: string, limit: number, n: number) {
  const allowed: boolean[] = [];
  for (let i = 0; i < n; i++) allowed.push((await limiter.hit(database.db, key, limit, MINUTE, clock)).allowed);
  return allowed;
}

describe('a token rate limit in one process', () => {
  it('allows exactly the limit and refuses the next call, with when to retry', async () => {
    nextMinute();
    const limiter = createRateLimiter();
    const allowed = await hits(limiter, 'token:a', 600, 600);
    expect(allowed.every(Boolean)).toBe(true);
    const refused = await limiter.hit(database.db, 'token:a', 600, MINUTE, new Date(clock.getTime() + 15_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it('writes to the database once every twentieth of the limit, not on every call', async () => {
    nextMinute();
    const limiter = createRateLimiter();
    await hits(limiter, 'token:b', 40, 31);
    // Two hits may run ahead of the shared count (40 / 20): written at the 3rd, 6th … 30th.
    expect(await stored('token:b')).toBe(30);
    // Under 20 a minute, every call is written.
    await hits(limiter, 'token:b-small', 10, 3);
    expect(await stored('token:b-small')).toBe(3);
  });

  it('allows exactly the limit when the calls come at once', async () => {
    nextMinute();
    const limiter = createRateLimiter();
    const results = await Promise.all(Array.from({ length: 60 }, () => limiter.hit(database.db, 'token:c', 40, MINUTE, clock)));
    expect(results.filter((r) => r.allowed)).toHaveLength(40);
  });

  it('starts afresh in the next window', async () => {
    nextMinute();
    const limiter = createRateLimiter();
    expect((await hits(limiter, 'token:d', 3, 4)).at(-1)).toBe(false);
    nextMinute();
    expect(await hits(limiter, 'token:d', 3, 3)).toEqual([true, true, true]);
  });
});

describe('a token rate limit across processes sharing the database', () => {
  it('refuses nothing under the limit, and lets each process run at most a twentieth ahead of the others', async () => {
    nextMinute();
    const processes = [createRateLimiter(), createRateLimiter()];
    const allowed: boolean[] = [];
    for (let i = 0; i < 80; i++) allowed.push((await processes[i % 2]!.hit(database.db, 'token:e', 40, MINUTE, clock)).allowed);
    const admitted = allowed.filter(Boolean).length;
    expect(allowed.slice(0, 40).every(Boolean)).toBe(true);
    expect(admitted).toBeLessThanOrEqual(40 * (1 + 2 / 20));
    // Once both have learned the window is spent, both refuse.
    expect(allowed.slice(-2)).toEqual([false, false]);
  });

  it('with a small limit, is exact, as every call asks the database', async () => {
    nextMinute();
    const [a, b] = [createRateLimiter(), createRateLimiter()];
    const allowed = [];
    for (let i = 0; i < 6; i++) allowed.push((await (i % 2 ? b : a).hit(database.db, 'token:f', 5, MINUTE, clock)).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false]);
  });
});

describe('an API token over HTTP', () => {
  let server: Server;
  let base = '';
  const token = 'tl_rate-limit-test-token';
  beforeAll(async () => {
    const org = (await insertOrganisation(database.db, 'limits')).id;
    const userId = await insertMember(database.db, org, { email: 'admin@l.example', passwordHash: 'x', role: 'admin' });
    await database.db
      .insertInto('api_token')
      .values({
        organisation_id: org,
        name: 'busy',
        token_hash: hashSecret(token),
        prefix: token.slice(0, 9),
        scopes: ['kpi:read'],
        created_by: userId,
      })
      .execute();
    const app = createApp({
      db: database.db,
      now: () => clock,
      log: () => {},
      limits: { signInPerIpPerMinute: 10, tokenRequestsPerMinute: 40 },
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('is refused with 429 and Retry-After at the limit', async () => {
    nextMinute();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 41; i++) {
      const res = await fetch(`${base}/trpc/kpi.list`, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    expect(Number(retryAfter)).toBe(60);
  });
});
