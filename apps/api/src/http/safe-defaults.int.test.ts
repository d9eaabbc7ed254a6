import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createApp, type AppOptions } from './app.ts';

// What a deployment gets when it sets nothing but what it must: links in mail from the
// configured address only, no request upgraded to an HTTPS nobody serves, and no client
// choosing the address its rate limits and audit events are kept under.

const PASSWORD = 'correct horse battery staple';
let database: Database;
let clock = new Date('2026-11-25T09:00:00Z');
const mail: string[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await insertOrganisation(database.db, 'harbour', 'Harbour');
  await insertMember(database.db, org.id, { email: 'admin@a.example', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
});
afterAll(async () => {
  for (const s of servers) s.close();
  await database.close();
});

/** Each test moves to its own minute so the rate-limit windows never overlap. */
function advance() {
  clock = new Date(clock.getTime() + 60_000);
}

/** An app on this file's database, listening on 127.0.0.1, mail captured. */
async function serve(opts: Partial<AppOptions> = {}): Promise<{ base: string; port: number }> {
  const app = createApp({
    db: database.db,
    now: () => clock,
    log: (m) => {
      if (m.includes('failed')) console.error(m);
    },
    notifier: {
      invitation: async (to, _org, link) => void mail.push(`${to} ${link}`),
      passwordReset: async (to, link) => void mail.push(`${to} ${link}`),
    },
    ...opts,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: unknown;
}

/** A tRPC mutation through node:http, which (unlike fetch) sends whatever Host it is given. */
function mutate(base: string, path: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/trpc/${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { result?: { data: unknown } };
          resolve({ status: res.statusCode ?? 0, headers: res.headers, data: parsed.result?.data });
        });
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const ATTACKER = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

async function adminCookie(base: string): Promise<string> {
  const res = await mutate(base, 'auth.signIn', { email: 'admin@a.example', password: PASSWORD });
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

/** The reset and invitation links sent while the request claims to be for evil.example. */
async function linksSentFor(base: string, invitee: string): Promise<{ reset: string; invitation: string; shown: string }> {
  advance();
  const cookie = await adminCookie(base);
  const sent = mail.length;
  expect((await mutate(base, 'auth.requestPasswordReset', { email: 'admin@a.example' }, ATTACKER)).status).toBe(200);
  const invited = await mutate(base, 'member.invite', { email: invitee, role: 'viewer', teamId: null }, { ...ATTACKER, cookie });
  expect(invited.status).toBe(200);
  const [reset, invitation] = mail.slice(sent).map((m) => m.split(' ')[1]!);
  return { reset: reset!, invitation: invitation!, shown: (invited.data as { link: string }).link };
}

describe('links in mail', () => {
  it('use the configured public address, whatever Host the request names', async () => {
    const { base } = await serve({ publicUrl: 'https://throughline.example.com' });
    const links = await linksSentFor(base, 'first@a.example');
    expect(links.reset).toMatch(/^https:\/\/throughline\.example\.com\/reset-password\?token=[\w-]+$/);
    expect(links.invitation).toMatch(/^https:\/\/throughline\.example\.com\/invitation\?token=[\w-]+$/);
    expect(links.shown).toBe(links.invitation);
  });

  it('use the address the server listens on when none is configured, never the Host header', async () => {
    const { base, port } = await serve();
    const links = await linksSentFor(base, 'second@a.example');
    expect(links.reset).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/reset-password\\?token=[\\w-]+$`));
    expect(links.invitation).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/invitation\\?token=[\\w-]+$`));
    expect(links.shown).toBe(links.invitation);
    expect(mail.join('\n')).not.toContain('evil.example');
  });
});

describe('the content security policy', () => {
  const csp = async (base: string) => (await fetch(`${base}/healthz`)).headers.get('content-security-policy') ?? '';

  it('does not upgrade requests to HTTPS by default, so the app loads over plain HTTP on any host', async () => {
    const { base } = await serve();
    expect(await csp(base)).toContain("default-src 'self'");
    expect(await csp(base)).not.toContain('upgrade-insecure-requests');
  });

  it('upgrades them when cookies are sent over HTTPS only, i.e. behind TLS', async () => {
    const { base } = await serve({ cookieSecure: true });
    expect(await csp(base)).toContain('upgrade-insecure-requests');
    expect(await csp(base)).toContain("default-src 'self'");
  });
});

describe('X-Forwarded-For', () => {
  let attempts = 0;
  /** Where a failed sign-in sent through 127.0.0.1 claiming `forwardedFor` is recorded as from. */
  async function recordedAddress(base: string, forwardedFor: string): Promise<string> {
    const email = `nobody-${++attempts}@a.example`;
    expect((await mutate(base, 'auth.signIn', { email, password: 'wrong password' }, { 'x-forwarded-for': forwardedFor })).status).toBe(
      401,
    );
    const event = await database.db.selectFrom('audit_event').select('after').where('entity_id', '=', email).executeTakeFirstOrThrow();
    return (event.after as { ip: string }).ip;
  }

  it('is ignored by default, even from loopback: audit and rate limits use the connecting address', async () => {
    advance();
    const { base } = await serve({ limits: { signInPerIpPerMinute: 3, tokenRequestsPerMinute: 600 } });
    expect(await recordedAddress(base, '203.0.113.7')).toBe('127.0.0.1');
    // A client cannot escape the per-address limit by naming a new address each time.
    const statuses = [];
    for (const ip of ['203.0.113.8', '203.0.113.9', '203.0.113.10']) {
      statuses.push((await mutate(base, 'auth.signIn', { email: 'admin@a.example', password: 'wrong' }, { 'x-forwarded-for': ip })).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('is ignored from proxies TRUST_PROXY does not name', async () => {
    advance();
    const { base } = await serve({ trustProxy: ['10.0.0.0/8', '192.0.2.1'] });
    expect(await recordedAddress(base, '203.0.113.11')).toBe('127.0.0.1');
  });

  it('is believed from the proxies TRUST_PROXY names, by name or by address', async () => {
    advance();
    const byName = await serve({ trustProxy: ['loopback'] });
    expect(await recordedAddress(byName.base, '203.0.113.12')).toBe('203.0.113.12');
    const byAddress = await serve({ trustProxy: ['10.0.0.0/8', '127.0.0.1'] });
    expect(await recordedAddress(byAddress.base, '203.0.113.13')).toBe('203.0.113.13');
    // A chain: the nearest untrusted hop is the client.
    expect(await recordedAddress(byAddress.base, '198.51.100.1, 203.0.113.14')).toBe('203.0.113.14');
  });
});
