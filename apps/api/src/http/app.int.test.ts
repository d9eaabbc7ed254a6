import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { appRouter } from '../router.ts';
import { createApp, MAX_BODY_BYTES } from './app.ts';

let database: Database;
let broken: Database;
let server: Server;
let brokenServer: Server;
let base: string;
let brokenBase: string;

const listen = (app: ReturnType<typeof createApp>) =>
  new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const silent = () => {};

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await insertOrganisation(database.db, 'harbour', 'Harbour');
  await insertMember(database.db, org.id, { email: 'ada@harbour.example', passwordHash: await hashPassword('pw-123456'), role: 'admin' });
  await insertTeam(database.db, org.id, 'Claims Experience');
  server = await listen(createApp({ db: database.db, log: silent }));
  base = urlOf(server);
  // A database missing a table the API needs, to see what a client is told when SQL fails.
  broken = await createTestDatabase();
  await sql`DROP TABLE app_user CASCADE`.execute(broken.db);
  brokenServer = await listen(createApp({ db: broken.db, log: silent, isReady: () => false }));
  brokenBase = urlOf(brokenServer);
});
afterAll(async () => {
  server.close();
  brokenServer.close();
  await database.close();
  await broken.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('HTTP', () => {
  it('answers health and readiness', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect((await fetch(`${brokenBase}/readyz`)).status).toBe(503);
  });

  it('signs in over HTTP with an HttpOnly SameSite cookie that then authenticates', async () => {
    const res = await post('/trpc/auth.signIn', JSON.stringify({ email: 'ada@harbour.example', password: 'pw-123456' }));
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tl_session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0]!;
    const teams = await fetch(`${base}/trpc/team.list`, { headers: { cookie } });
    expect(teams.status).toBe(200);
    const body = (await teams.json()) as { result: { data: { name: string }[] } };
    expect(body.result.data.map((t) => t.name)).toEqual(['Claims Experience']);
    expect((await fetch(`${base}/trpc/team.list`)).status).toBe(401);
  });

  it('answers a call in one piece with its length, and compressed when the client takes it', async () => {
    const signIn = await post('/trpc/auth.signIn', JSON.stringify({ email: 'ada@harbour.example', password: 'pw-123456' }));
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const plain = await fetch(`${base}/trpc/team.list,auth.me?batch=1&input=%7B%7D`, {
      headers: { cookie, 'accept-encoding': 'identity' },
    });
    const text = await plain.text();
    expect(plain.headers.get('transfer-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect((JSON.parse(text) as { result: { data: unknown } }[]).map((r) => r.result.data)).toEqual([
      [expect.objectContaining({ name: 'Claims Experience' })],
      expect.objectContaining({ email: 'ada@harbour.example' }),
    ]);
    const big = await fetch(`${base}/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(big.headers.get('content-encoding')).toBe('br');
    const many = await fetch(`${base}/trpc/${Array(12).fill('team.list').join(',')}?batch=1&input=%7B%7D`, {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect([many.status, many.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    expect(((await many.json()) as unknown[]).length).toBe(12);
  });

  it('answers bad input with 400 and field paths, never a stack trace', async () => {
    const res = await post('/trpc/auth.signIn', JSON.stringify({ email: 'not-an-email' }));
    expect(res.status).toBe(400);
    const text = await res.text();
    const body = JSON.parse(text) as { error: { message: string; data: { issues: { path: string }[] } } };
    expect(body.error.data.issues.map((i) => i.path).sort()).toEqual(['email', 'password']);
    expect(body.error.message).toContain('email');
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await post('/trpc/auth.signIn', '{"email": ');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('stack');
    // tRPC's own error, as the typed client reads every other: it says what is wrong with the body.
    expect((JSON.parse(text) as { error: { message: string; data: { code: string } } }).error).toMatchObject({
      message: expect.stringMatching(/JSON/),
      data: { code: 'BAD_REQUEST' },
    });
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes with 413`, async () => {
    const res = await post('/trpc/auth.signIn', JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides internals when the server itself fails', async () => {
    const res = await fetch(`${brokenBase}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@harbour.example', password: 'pw-123456' }),
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('Something went wrong on our side');
    expect(text).not.toMatch(/stack|select|app_user|relation|kysely/i);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers malformed input to every procedure with a 4xx, never a 500', async () => {
    const signIn = await post('/trpc/auth.signIn', JSON.stringify({ email: 'ada@harbour.example', password: 'pw-123456' }));
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    // Every procedure but sign-out, which would end the session the rest are called with.
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).filter(
      ([path]) => path !== 'auth.signOut',
    );
    expect(procedures.length).toBeGreaterThan(5);
    for (const garbage of ['"just a string"', '{"id": 42, "email": [], "nested": {"deep": null}}', '[1,2,3]']) {
      for (const [path, procedure] of procedures) {
        const res =
          procedure._def.type === 'query'
            ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(garbage)}`, { headers: { cookie } })
            : await post(`/trpc/${path}`, garbage, { cookie });
        expect(res.status, `${path} with ${garbage}`).toBeLessThan(500);
        expect(res.status, `${path} should still be signed in`).not.toBe(401);
        expect(await res.text()).not.toMatch(/"stack"|\.ts:\d+/);
      }
    }
  });
});

describe('the web app’s files', () => {
  it('are compressed, and hashed assets cached for good while the page itself is revalidated', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const webDist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
    writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js'), `export const big = ${JSON.stringify('x'.repeat(50_000))};`);
    const web = await listen(createApp({ db: database.db, log: silent, webDist }));
    try {
      const asset = await fetch(`${urlOf(web)}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-encoding')).toBe('br');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await asset.text()).length).toBeGreaterThan(50_000);
      const gzip = await fetch(`${urlOf(web)}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const page = await fetch(`${urlOf(web)}/kpis`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('cache-control')).toBe('no-cache');
      // A chunk of an earlier release: not found, so the app's import fails and it offers a reload.
      const gone = await fetch(`${urlOf(web)}/assets/kpis-page-Old12345.js`, { headers: { accept: '*/*' } });
      expect(gone.status).toBe(404);
      expect(await gone.text()).not.toContain('<script type="module"');
    } finally {
      web.close();
    }
  });
});
