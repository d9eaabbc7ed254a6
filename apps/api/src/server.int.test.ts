import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { migrations, openPostgres, type Db } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import { readApiEnv } from './env.ts';
import { startServer } from './server.ts';

const counts = async (db: Db) => {
  const { rows } = await sql<{ orgs: number; surveys: number; events: number; migrations: number }>`
    SELECT (SELECT count(*)::int FROM organisation) AS orgs,
           (SELECT count(*)::int FROM survey_response) AS surveys,
           (SELECT count(*)::int FROM operational_event) AS events,
           (SELECT count(*)::int FROM kysely_migration) AS migrations`.execute(db);
  return rows[0]!;
};

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('the one-process platform on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...readApiEnv({ PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data') }), databaseUrl: undefined };

  it('seeds an empty database once and keeps everything across a restart', async () => {
    const first = await startServer(env, () => {});
    expect(first.seeded.seeded).toBe(true);
    expect(first.seeded.rows).toBeGreaterThanOrEqual(100_000);
    const before = await counts(first.database.db);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await first.stop();

    const second = await startServer(env, () => {});
    expect(second.seeded).toEqual({ seeded: false, rows: 0, ms: expect.any(Number) });
    expect(await counts(second.database.db)).toEqual(before);
    await second.stop();
  }, 180_000);
});

describe('the embedded database without the demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is left empty with THROUGHLINE_DEMO=0, and its mail links name where it listens, not the Host asked for', async () => {
    const logged: string[] = [];
    const env = readApiEnv({ PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data'), THROUGHLINE_DEMO: '0' });
    const running = await startServer(env, (m) => logged.push(m));
    try {
      expect(running.seeded.seeded).toBe(false);
      expect((await counts(running.database.db)).orgs).toBe(0);
      const signUp = {
        organisationName: 'Harbour',
        displayName: 'Ada',
        email: 'ada@harbour.example',
        password: 'correct horse battery staple',
      };
      expect((await post(running.url, 'auth.signUp', signUp)).status).toBe(200);
      expect((await post(running.url, 'auth.requestPasswordReset', { email: signUp.email }, { host: 'evil.example' })).status).toBe(200);
      const mail = logged.find((m) => m.startsWith('[mail] to ada@harbour.example'));
      expect(mail).toMatch(new RegExp(`: ${running.url.replace(/\./g, '\\.')}/reset-password\\?token=[\\w-]+$`));
    } finally {
      await running.stop();
    }
  }, 60_000);
});

/** A tRPC mutation through node:http, which (unlike fetch) sends whatever Host it is given. */
function post(base: string, path: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/trpc/${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

describe('start-up', () => {
  it('refuses a HOST other than loopback without PUBLIC_URL, saying what to set, before touching the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-server-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '0.0.0.0', PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data') };
    delete env.PUBLIC_URL;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./main.ts', import.meta.url).pathname], { env, stdio: 'pipe' });
    onTestFinished(() => void child.kill('SIGKILL'));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      // A server that started instead would never exit on its own.
      child.stdout.on('data', () => {
        if (output.includes('running at')) child.kill('SIGTERM');
      });
    });
    expect(output).toContain(
      'Throughline could not start: the configuration is invalid:\n  PUBLIC_URL: is required when HOST is not a loopback address (HOST=0.0.0.0): ' +
        'set it to the address people open, e.g. PUBLIC_URL=https://throughline.example.com',
    );
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  }, 60_000);
});

/** Starts a process and resolves with the first stdout line matching `ready`. */
function startProcess(script: string, env: Record<string, string>, ready: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: 'pipe' });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) resolve(match);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a new PostgreSQL database', () => {
  it('is not seeded with the demo unless THROUGHLINE_DEMO=1', async () => {
    const database = await createTestDatabase();
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    onTestFinished(() => database.close());
    await sql`DROP SCHEMA public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);

    const plain = await startServer(readApiEnv({ DATABASE_URL: database.connectionString, PORT: '0' }), () => {});
    try {
      expect(plain.seeded.seeded).toBe(false);
      expect((await counts(plain.database.db)).orgs).toBe(0);
    } finally {
      await plain.stop();
    }

    const demo = await startServer(readApiEnv({ DATABASE_URL: database.connectionString, PORT: '0', THROUGHLINE_DEMO: '1' }), () => {});
    try {
      expect(demo.seeded.seeded).toBe(true);
      const c = await counts(demo.database.db);
      expect(c.orgs).toBe(1);
      expect(c.surveys + c.events).toBeGreaterThanOrEqual(100_000);
    } finally {
      await demo.stop();
    }
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('several processes on one PostgreSQL', () => {
  it('starts two APIs and two workers at once: migrated once, seeded once (THROUGHLINE_DEMO=1), all serving', async () => {
    const database = await createTestDatabase();
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // Start from an empty database, as a new deployment would.
    await sql`DROP SCHEMA public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);
    const env = { DATABASE_URL: database.connectionString, PORT: '0', THROUGHLINE_ROLE: 'api', THROUGHLINE_DEMO: '1' };
    const api = new URL('./main.ts', import.meta.url).pathname;
    const worker = new URL('../../worker/src/main.ts', import.meta.url).pathname;
    const started = await Promise.all([
      startProcess(api, env, /running at (http:\/\/\S+)/),
      startProcess(api, env, /running at (http:\/\/\S+)/),
      startProcess(worker, env, /\[worker\] started/),
      startProcess(worker, env, /\[worker\] started/),
    ]);
    for (const [, url] of started.slice(0, 2)) expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const check = openPostgres(database.connectionString, 1);
    const c = await counts(check.db);
    expect(c.orgs).toBe(1);
    expect(c.surveys + c.events).toBeGreaterThanOrEqual(100_000);
    expect(c.migrations).toBe(Object.keys(migrations).length);
    await check.close();
    await Promise.all(
      children.map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    await database.close();
  }, 180_000);
});
