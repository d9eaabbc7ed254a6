import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createApp } from './app.ts';

const PASSWORD = 'correct horse battery staple';
let database: Database;
let server: Server;
let port = 0;
let clock = new Date('2026-12-01T09:00:00Z');
let validToken = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await insertOrganisation(database.db, 'harbour', 'Harbour');
  await insertMember(database.db, org.id, { email: 'admin@harbour.example', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
  const app = createApp({
    db: database.db,
    now: () => clock,
    log: () => {},
    limits: { signInPerIpPerMinute: 100, tokenRequestsPerMinute: 100, unknownTokensPerIpPerMinute: 3 },
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
  const signedIn = await call('127.0.0.1', 'POST', '/trpc/auth.signIn', {}, { email: 'admin@harbour.example', password: PASSWORD });
  const cookie = signedIn.headers['set-cookie']![0]!.split(';')[0]!;
  const created = await call(
    '127.0.0.1',
    'POST',
    '/trpc/token.create',
    { cookie },
    { name: 'CRM', scopes: ['kpi:read', 'model:read'], expiresInDays: 30 },
  );
  validToken = (JSON.parse(created.body) as { result: { data: { token: string } } }).result.data.token;
});
afterAll(async () => {
  server.close();
  await database.close();
});

/** A request from `from`, a loopback address of this machine's own: how another client's address is had without trusting any header. */
function call(from: string, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) {
  return new Promise<{
    status: number;
    headers: Record<string, string[] | string | undefined> & { 'set-cookie'?: string[] };
    body: string;
  }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method,
        path,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
const kpis = (from: string, token: string) => call(from, 'GET', '/trpc/kpi.list', { authorization: `Bearer ${token}` });
const guess = (n: number) => `tl_${'x'.repeat(40)}${String(n).padStart(3, '0')}`;

describe('unknown bearer tokens', () => {
  it('are limited per address: past the limit every bearer request from it gets 429 with Retry-After until the minute ends', async () => {
    clock = new Date('2026-12-01T09:01:00Z');
    for (let i = 0; i < 3; i++) expect((await kpis('127.0.0.2', guess(i))).status, `guess ${i}`).toBe(401);
    clock = new Date('2026-12-01T09:01:15Z');
    const refused = await kpis('127.0.0.2', guess(3));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(JSON.parse(refused.body)).toMatchObject({
      error: { message: expect.stringMatching(/unknown API tokens from this address/) as unknown },
    });
    // Even a real token from there, so a guess that happens to be right is refused all the same.
    expect((await kpis('127.0.0.2', validToken)).status).toBe(429);
    const exported = await call('127.0.0.2', 'GET', '/export/scorecard.csv', { authorization: `Bearer ${validToken}` });
    expect([exported.status, exported.headers['retry-after']]).toEqual([429, '45']);
    // Another address is not affected.
    expect((await kpis('127.0.0.3', validToken)).status).toBe(200);
    expect((await kpis('127.0.0.3', guess(4))).status).toBe(401);
    // The count is shared through the database, as every API process's is.
    const stored = await database.db
      .selectFrom('rate_limit')
      .select('hits')
      .where('key', '=', 'unknown-token:ip:127.0.0.2')
      .executeTakeFirstOrThrow();
    expect(stored.hits).toBeGreaterThanOrEqual(3);

    clock = new Date('2026-12-01T09:02:00Z');
    expect((await kpis('127.0.0.2', validToken)).status).toBe(200);
  });

  it('do not count a known token, however often it is used', async () => {
    clock = new Date('2026-12-01T09:03:00Z');
    for (let i = 0; i < 10; i++) expect((await kpis('127.0.0.4', validToken)).status).toBe(200);
    expect((await kpis('127.0.0.4', guess(5))).status).toBe(401);
  });
});
