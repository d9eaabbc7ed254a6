import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, migrateToLatest, openDatabase, type Database } from '@throughline/db';
import { createApp } from './app.ts';

// The embedded database as the server opens it: on a data dir of its own, locked, statements
// on the database's thread. The lock is made to go stale after 2 s without a refresh, so a
// 5-second statement that held this thread would let it lapse.
const STALE_MS = 2_000;
const dir = mkdtempSync(join(tmpdir(), 'throughline-responsive-'));
const dataDir = join(dir, 'data');
let database: Database;
let server: Server;
let base: string;
let closed = false;

beforeAll(async () => {
  database = await openDatabase({ dataDir, lockStaleMs: STALE_MS });
  await migrateToLatest(database.db);
  const app = createApp({ db: database.db, ping: database.ping, log: () => {} });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server?.close();
  if (!closed) await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded server during a long statement', () => {
  it('answers /readyz within a second and keeps the data-dir lock held and fresh', async () => {
    const slow = sql`SELECT pg_sleep(5)`.execute(database.db);
    const started = performance.now();
    const answers: { ms: number; status: number }[] = [];
    let refusedSecondOpener = false;
    while (performance.now() - started < 4_500) {
      const t = performance.now();
      const res = await fetch(`${base}/readyz`);
      await res.text();
      answers.push({ ms: performance.now() - t, status: res.status });
      // Past the stale time, the lock must still be refreshed and refuse another opener.
      if (!refusedSecondOpener && performance.now() - started > STALE_MS * 1.5) {
        expect(Date.now() - statSync(`${dataDir}.lock/owner.json`).mtimeMs).toBeLessThan(STALE_MS);
        await expect(openDatabase({ dataDir, lockStaleMs: STALE_MS })).rejects.toBeInstanceOf(DatabaseLockedError);
        refusedSecondOpener = true;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(refusedSecondOpener).toBe(true);
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(1_000);
    // The statement was running all along, and the database serves again once it is done.
    expect(await Promise.race([slow.then(() => 'finished'), Promise.resolve('running')])).toBe('running');
    await slow;
    expect(performance.now() - started).toBeGreaterThan(4_900);
    expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(database.db)).rows).toEqual([{ n: 1 }]);
  }, 60_000);

  it('tells /readyz the database is unavailable once its thread has stopped', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await database.close();
    closed = true;
    const res = await fetch(`${base}/readyz`);
    expect([res.status, await res.json()]).toEqual([503, { status: 'database unavailable' }]);
  });
});
