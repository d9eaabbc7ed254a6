import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@throughline/db';
import { createTestDatabase, insertKpi, insertOrganisation } from '@throughline/db/testing';

// The fault suite: real API and worker processes, faults made from outside, as an operator or
// an outage would make them. The embedded cases run on every run; the PostgreSQL ones when the
// run has TEST_DATABASE_URL.

const API_MAIN = new URL('./main.ts', import.meta.url).pathname;
const WORKER_MAIN = new URL('../../worker/src/main.ts', import.meta.url).pathname;
const README = new URL('../../../README.md', import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | string>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) signalGroup(child, 'SIGKILL');
});

/** Signals a process's whole group, as a terminal's Ctrl+C does; nothing if it has gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Starts a process in a process group of its own (as a terminal runs a command, so a signal
 * can go to the whole group as Ctrl+C sends it) and resolves once it says it is up.
 */
function start(main: string, env: Record<string, string | undefined>, ready = /running at (http:\/\/\S+)/): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: 'pipe',
    detached: true,
  });
  started.push(child);
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) resolve({ child, url: match[1] ?? '', output: () => output, exited });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`${main} exited (${code}) before it was up:\n${output}`)));
  });
}

/** Runs a process to its end: its exit code and everything it printed. */
function runToEnd(main: string, env: Record<string, string | undefined>): Promise<{ code: number | string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, PORT: '0', ...env }, stdio: 'pipe' });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code: code ?? signal!, output })));
}

const post = (url: string, path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** Signs up an organisation through the API and makes an ingest token: what the load sends with. */
async function signUpWithToken(url: string, email: string): Promise<{ cookie: string; token: string; organisationId: string }> {
  const signUp = await post(url, 'auth.signUp', {
    organisationName: 'Harbour',
    displayName: 'Ada',
    email,
    password: 'correct horse battery',
  });
  expect(signUp.status).toBe(200);
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { organisationId } = ((await signUp.json()) as { result: { data: { organisationId: string } } }).result.data;
  const created = await post(url, 'token.create', { name: 'feed', scopes: ['ingest:write', 'kpi:read'] }, { cookie });
  const token = ((await created.json()) as { result: { data: { token: string } } }).result.data.token;
  return { cookie, token, organisationId };
}

const batch = (prefix: string, size = 200) =>
  Array.from({ length: size }, (_, i) => ({
    source: 'survey-tool',
    externalId: `${prefix}-${i}`,
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

interface IngestAnswer {
  received: number;
  inserted: number;
  duplicates: number;
}

/**
 * Sends a batch as the typed client does: again after a 503 or 429 (waiting as Retry-After
 * says), and to the next API when one stops answering (safe: a batch is idempotent by id).
 */
async function ingest(
  urls: string[],
  token: string,
  responses: ReturnType<typeof batch>,
): Promise<{ answer: IngestAnswer; attempts: number[] }> {
  const attempts: number[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    const url = urls[attempt % urls.length]!;
    let res: Response;
    try {
      res = await post(url, 'ingest.surveyResponses', { responses }, { authorization: `Bearer ${token}` });
    } catch {
      attempts.push(0);
      continue;
    }
    attempts.push(res.status);
    if (res.status === 200) return { answer: ((await res.json()) as { result: { data: IngestAnswer } }).result.data, attempts };
    await res.body?.cancel();
    if (res.status !== 503 && res.status !== 429) throw new Error(`ingest answered ${res.status} (attempts ${attempts.join(', ')})`);
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
  throw new Error(`ingest never went through (attempts ${attempts.join(', ')})`);
}

describe('the embedded server as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-faults-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { THROUGHLINE_DATA_DIR: dataDir, DATABASE_URL: undefined };

  it('is set up with an organisation, so the server does not seed the demo', async () => {
    const database: Database = await openDatabase({ dataDir });
    await migrateToLatest(database.db);
    await insertOrganisation(database.db, 'placeholder');
    await database.close();
  }, 120_000);

  /** Keeps ingest batches arriving until stopped; failures (the server going away) are the test's to judge. */
  function keepBusy(url: string, token: string) {
    let going = true;
    let sent = 0;
    const loop = (async () => {
      while (going) {
        await post(url, 'ingest.surveyResponses', { responses: batch(`busy-${sent++}`, 500) }, { authorization: `Bearer ${token}` })
          .then((r) => r.body?.cancel())
          .catch(() => (going = false));
      }
    })();
    return {
      sent: () => sent,
      stop: async () => {
        going = false;
        await loop;
      },
    };
  }

  it("refuses a second process against a busy data dir with the README's error", async () => {
    const first = await start(API_MAIN, env);
    const { token } = await signUpWithToken(first.url, 'busy@harbour.example');
    const load = keepBusy(first.url, token);
    while (load.sent() < 3) await new Promise((r) => setTimeout(r, 50));
    const second = await runToEnd(API_MAIN, env);
    await load.stop();
    expect(second.code).toBe(1);
    const refusal = `The embedded database at ${dataDir} is already open in another Throughline process (pid ${first.child.pid}).`;
    expect(second.output).toContain(refusal);
    // The README's words for it, the path and pid aside.
    expect(readFileSync(README, 'utf8')).toContain('is already open in another Throughline process (pid');
    signalGroup(first.child, 'SIGTERM');
    expect(await first.exited).toBe(0);
  }, 180_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stops cleanly on ${signal} to its process group while busy: exit 0, lock released, an immediate restart works`, async () => {
      const first = await start(API_MAIN, env);
      const { token } = await signUpWithToken(first.url, `${signal.toLowerCase()}@harbour.example`);
      const load = keepBusy(first.url, token);
      while (load.sent() < 3) await new Promise((r) => setTimeout(r, 50));
      signalGroup(first.child, signal);
      expect(await first.exited, first.output()).toBe(0);
      await load.stop();
      expect(first.output()).toContain(`${signal} received; stopping`);
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
      const again = await start(API_MAIN, env);
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      signalGroup(again.child, 'SIGTERM');
      expect(await again.exited).toBe(0);
    }, 180_000);
  }

  it('says so and exits with 1 when it loses its database (here its lock, taken away by hand), rather than serve errors', async () => {
    const first = await start(API_MAIN, env);
    rmSync(`${dataDir}.lock`, { recursive: true });
    expect(await first.exited, first.output()).toBe(1);
    expect(first.output()).toContain("The embedded database's lock");
    expect(first.output()).toContain('Throughline cannot go on without its database; stopping');
  }, 180_000);

  it('opens again at once after the server was killed (SIGKILL) mid-ingest, with every acknowledged batch kept', async () => {
    const first = await start(API_MAIN, env);
    const { token } = await signUpWithToken(first.url, 'killed@harbour.example');
    const acknowledged = [];
    for (let i = 0; i < 3; i++) acknowledged.push((await ingest([first.url], token, batch(`kill-${i}`))).answer);
    const inFlight = post(first.url, 'ingest.surveyResponses', { responses: batch('kill-3') }, { authorization: `Bearer ${token}` }).catch(
      () => null,
    );
    signalGroup(first.child, 'SIGKILL');
    await first.exited;
    await inFlight;
    const again = await start(API_MAIN, env);
    // The batch whose answer was lost, sent again: stored once whether or not the killed server had committed it.
    const resent = await ingest([again.url], token, batch('kill-3'));
    expect(resent.answer.inserted + resent.answer.duplicates).toBe(200);
    signalGroup(again.child, 'SIGTERM');
    expect(await again.exited).toBe(0);
    const database = await openDatabase({ dataDir });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_response WHERE external_id LIKE 'kill-%'`.execute(
      database.db,
    );
    await database.close();
    expect(rows[0]!.n).toBe(800);
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('API and worker processes on PostgreSQL under faults', () => {
  /** A fresh database with an organisation in it (so nothing seeds the demo), and two APIs and two workers on it. */
  async function deployment() {
    const database = await createTestDatabase();
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await insertOrganisation(database.db, 'placeholder');
    const env = { DATABASE_URL: database.connectionString, THROUGHLINE_ROLE: 'api' };
    const [apiA, apiB, workerA, workerB] = await Promise.all([
      start(API_MAIN, env),
      start(API_MAIN, env),
      start(WORKER_MAIN, env, /\[worker\] started/),
      start(WORKER_MAIN, env, /\[worker\] started/),
    ]);
    return { database, apis: [apiA, apiB], workers: [workerA, workerB] };
  }

  const stored = async (database: Database, pattern: string) =>
    (
      await sql<{ n: number; distinct: number }>`
      SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM survey_response WHERE external_id LIKE ${pattern}`.execute(
        database.db,
      )
    ).rows[0]!;

  it('survives connections cut under mixed load: every process serves afterwards, no batch lost or doubled, jobs run', async () => {
    const { database, apis, workers } = await deployment();
    try {
      const urls = apis.map((a) => a.url);
      const { cookie, token, organisationId } = await signUpWithToken(urls[0]!, 'cuts@harbour.example');
      await insertKpi(database.db, organisationId, { key: 'org.nps', name: 'Relationship NPS' });

      // 12 clients: 6 sending batches, 6 reading, spread over both APIs, while every connection
      // to the database is cut every 400 ms for 4 s.
      let cutting = true;
      let cuts = 0;
      const cutter = (async () => {
        const until = Date.now() + 4_000;
        while (Date.now() < until) {
          await new Promise((r) => setTimeout(r, 400));
          const { rows } = await sql<{ n: number }>`
            SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(database.db);
          cuts += rows[0]!.n;
        }
        cutting = false;
      })();
      const writers = Array.from({ length: 6 }, async (_, c) => {
        const answers: IngestAnswer[] = [];
        for (let b = 0; cutting || b < 4; b++) {
          answers.push((await ingest(c % 2 ? [urls[1]!, urls[0]!] : urls, token, batch(`cut-${c}-${b}`))).answer);
        }
        return answers;
      });
      const readStatuses: number[] = [];
      const readers = Array.from({ length: 6 }, async (_, c) => {
        while (cutting) {
          const res = await fetch(`${urls[c % 2]}/trpc/kpi.list`, { headers: { cookie } });
          readStatuses.push(res.status);
          await res.body?.cancel();
        }
      });
      await cutter;
      const written = await Promise.all(writers);
      await Promise.all(readers);
      expect(cuts).toBeGreaterThan(0);

      // Reads during the cuts: answered, or refused with a 503 to send again; never a 500.
      expect(readStatuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      // Every batch went through, each answer whole; every row stored exactly once.
      const batches = written.flat();
      for (const answer of batches) expect(answer.inserted + answer.duplicates).toBe(200);
      expect(await stored(database, 'cut-%')).toEqual({ n: batches.length * 200, distinct: batches.length * 200 });
      // Sent again, the batches count as duplicates.
      const again = await ingest(urls, token, batch('cut-0-0'));
      expect(again.answer).toMatchObject({ inserted: 0, duplicates: 200 });

      // Every process is still there and serving.
      for (const p of [...apis, ...workers]) expect(p.child.exitCode, p.output()).toBeNull();
      for (const url of urls) {
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
        expect((await fetch(`${url}/trpc/kpi.list`, { headers: { cookie } })).status).toBe(200);
      }
      // pg-boss went on: a refresh queued after the cuts is run by a worker. A job whose end the
      // cuts kept from being written stays active until its heartbeat lapses and the supervisor
      // retries it; a supervisor pass every second (instead of pg-boss's minute) keeps that short here.
      const supervisor = new PgBoss({
        connectionString: database.connectionString,
        schema: 'pgboss',
        max: 2,
        registerInstance: false,
        schedule: false,
        supervise: true,
        superviseIntervalSeconds: 1,
        monitorIntervalSeconds: 1,
      });
      supervisor.on('error', (error: Error) => console.error(`[test supervisor] ${error.message}`));
      await supervisor.start();
      onTestFinished(() => supervisor.stop({ graceful: false }));
      // A KPI made after the cuts: its refresh can only be queued, taken and run from now on.
      const lateKpiId = await insertKpi(database.db, organisationId, { key: 'late.nps', name: 'NPS, defined after the cuts' });
      await ingest(urls, token, batch('after-cuts', 10));
      for (let waited = 0; ; waited += 250) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'kpi.refresh' AND state = 'completed' AND data->>'kpiId' = ${lateKpiId}`.execute(
          database.db,
        );
        if (rows[0]!.n > 0) break;
        if (waited > 60_000) {
          const jobs =
            await sql`SELECT name, state, created_on, start_after FROM pgboss.job WHERE name = 'kpi.refresh' ORDER BY created_on`.execute(
              database.db,
            );
          throw new Error(
            `no KPI refresh ran after the cuts: ${JSON.stringify(jobs.rows)}\n${[...apis, ...workers].map((w) => w.output()).join('\n')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      for (const p of [...apis, ...workers]) signalGroup(p.child, 'SIGTERM');
      await Promise.all([...apis, ...workers].map((p) => p.exited));
      await database.close();
    }
  }, 240_000);

  it('loses no batch when an API is killed (SIGKILL) mid-ingest: the client sends it to the other, and what the dead one stored counts as duplicates', async () => {
    const { database, apis, workers } = await deployment();
    try {
      const [a, b] = apis as [Running, Running];
      const { token } = await signUpWithToken(a.url, 'kill@harbour.example');
      // A batch in flight on A when A is killed, then sent again to B, as the client would.
      const sending = Array.from({ length: 4 }, (_, i) => ingest([a.url, b.url], token, batch(`killed-${i}`, 2_000)));
      await new Promise((r) => setTimeout(r, 150));
      signalGroup(a.child, 'SIGKILL');
      const answers = (await Promise.all(sending)).map((s) => s.answer);
      for (const answer of answers) expect(answer.inserted + answer.duplicates).toBe(2_000);
      expect(await stored(database, 'killed-%')).toEqual({ n: 8_000, distinct: 8_000 });
      expect(b.child.exitCode).toBeNull();
      expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    } finally {
      for (const p of [...apis, ...workers]) signalGroup(p.child, 'SIGTERM');
      await Promise.all([...apis, ...workers].map((p) => p.exited));
      await database.close();
    }
  }, 240_000);
});
