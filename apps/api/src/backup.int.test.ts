import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@throughline/db';
import { createApp } from './http/app.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'throughline-backup-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `pnpm db:backup FILE` / `pnpm db:restore FILE`, as the scripts run them, in a process of their own. */
async function cli(command: 'backup' | 'restore', file: string) {
  const cwd = join(import.meta.dirname, '..');
  // Never PostgreSQL, whatever the test run is on: these are the embedded database's commands.
  const env: NodeJS.ProcessEnv = { ...process.env, THROUGHLINE_DATA_DIR: dataDir, INIT_CWD: dir };
  delete env.DATABASE_URL;
  return run(process.execPath, ['--import', 'tsx', 'src/backup-cli.ts', command, file], { cwd, env }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

/** The server as main.ts runs it, on the data dir: the database opened (and locked) here. */
async function startEmbedded(): Promise<{ database: Database; url: string; stop(): Promise<void> }> {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: database.db, ping: database.ping, log: () => {} }).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    database,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await database.close();
    },
  };
}

const call = (url: string, path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...headers },
  });

const signUp = (url: string, org: string, email: string) =>
  call(url, 'auth.signUp', { organisationName: org, displayName: org, email, password: 'correct horse battery' });

const batch = (from: number) =>
  Array.from({ length: 100 }, (_, i) => ({
    source: 'survey-tool',
    externalId: `r-${from + i}`,
    instrument: 'nps',
    score: i % 11,
    customerId: null,
    journeyId: null,
    stepId: null,
    channel: null,
    segment: null,
    verbatim: null,
    occurredAt: '2026-03-02T09:00:00Z',
  }));

describe('backups of the embedded database', () => {
  it('backs up while the server runs and writes, refuses to restore under it, restores once stopped, and the restored copy signs in', async () => {
    const first = await startEmbedded();
    const ada = await signUp(first.url, 'Harbour', 'ada@harbour.example');
    expect(ada.status).toBe(200);
    const cookie = (ada.headers.get('set-cookie') ?? '').split(';')[0]!;
    const token = (
      (await (await call(first.url, 'token.create', { name: 'feed', scopes: ['ingest:write'] }, { cookie })).json()) as {
        result: { data: { token: string } };
      }
    ).result.data.token;

    // Batches of 100 rows, each in one transaction, go on arriving while the backup is taken.
    let sent = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const res = await call(first.url, 'ingest.surveyResponses', { responses: batch(sent) }, { authorization: `Bearer ${token}` });
        expect(res.status).toBe(200);
        sent += 100;
      }
    })();
    while (sent < 300) await new Promise((r) => setTimeout(r, 50));
    const backup = await cli('backup', 'throughline.tar.gz');
    writing = false;
    await writes;
    expect(backup).toMatchObject({ code: 0, out: expect.stringContaining('(running process)') });
    expect(existsSync(join(dir, 'throughline.tar.gz'))).toBe(true);

    // After the backup: not in it.
    expect((await signUp(first.url, 'Late', 'late@late.example')).status).toBe(200);

    const refused = await cli('restore', 'throughline.tar.gz');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `The embedded database at ${dataDir} is open in a running Throughline process (pid ${process.pid}). Stop it first`,
    );
    expect((await call(first.url, 'auth.signIn', { email: 'late@late.example', password: 'correct horse battery' })).status).toBe(200);
    await first.stop();

    const restored = await cli('restore', 'throughline.tar.gz');
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('What was there is kept in') });

    const second = await startEmbedded();
    try {
      expect((await call(second.url, 'auth.signIn', { email: 'ada@harbour.example', password: 'correct horse battery' })).status).toBe(200);
      expect((await call(second.url, 'auth.signIn', { email: 'late@late.example', password: 'correct horse battery' })).status).toBe(401);
      // Whole batches only: the backup fell between two transactions, never inside one.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response`.execute(second.database.db);
      expect(rows[0]!.n).toBeGreaterThanOrEqual(300);
      expect(rows[0]!.n % 100).toBe(0);
    } finally {
      await second.stop();
    }

    // With nothing running, the backup is taken from the data dir itself.
    expect(await cli('backup', 'stopped.tar.gz')).toMatchObject({ code: 0, out: expect.stringContaining('(data dir)') });
  }, 240_000);

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const result = await cli('restore', join(import.meta.dirname, 'backup-cli.ts'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('is not a backup of a Throughline embedded database');
    expect(result.out).toContain('nothing was changed');
  }, 60_000);
});
