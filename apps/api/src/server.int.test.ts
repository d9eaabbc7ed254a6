import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
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

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts a process and resolves with the first stdout line matching `ready`. */
function startProcess(script: string, env: Record<string, string>, ready: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: 'pipe' });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) resolve(match);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('several processes on one PostgreSQL', () => {
  it('starts two APIs and two workers at once: migrated once, seeded once, all serving', async () => {
    const database = await createTestDatabase();
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // Start from an empty database, as a new deployment would.
    await sql`DROP SCHEMA public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);
    const env = { DATABASE_URL: database.connectionString, PORT: '0', THROUGHLINE_ROLE: 'api' };
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
