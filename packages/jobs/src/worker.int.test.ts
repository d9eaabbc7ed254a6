import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import { defineJob } from './jobs/job.ts';
import { until } from './testing/until.ts';
import { startWorker, type Worker } from './worker.ts';

let database: Database;
let worker: Worker;
const ran: string[] = [];

// Taken in batches like kpi.refresh; the job named 'broken' fails.
const batched = defineJob({
  name: 'test.batched',
  payload: z.object({ name: z.string() }),
  retryLimit: 0,
  batchSize: 10,
  handler: async ({ name }) => {
    ran.push(name);
    if (name === 'broken') throw new Error('this one cannot be done');
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  worker = await startWorker(database, { jobs: [batched], pollingIntervalSeconds: 5, log: () => {} });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

const settled = async () => {
  const { rows } = await sql<{ name: string; state: string; output: { message?: string } | null; startedOn: Date }>`
    SELECT data->>'name' AS name, state, output, started_on AS "startedOn" FROM pgboss.job WHERE name = ${batched.name} ORDER BY data->>'name'`.execute(
    database.db,
  );
  return rows.every((r) => r.state === 'completed' || r.state === 'failed') ? rows : undefined;
};

describe('a worker taking jobs in batches', () => {
  it('runs every job of a batch in one poll and settles each on its own', async () => {
    await worker.boss.insert(
      batched.name,
      ['a', 'broken', 'c', 'd'].map((name) => ({ data: { name } })),
    );
    const rows = await until(settled, 20_000);
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['a', 'completed'],
      ['broken', 'failed'],
      ['c', 'completed'],
      ['d', 'completed'],
    ]);
    expect(rows.find((r) => r.name === 'broken')!.output?.message).toBe('this one cannot be done');
    // A job after the one that failed still ran; all four were taken by one fetch (one statement's now()).
    expect([...ran].sort()).toEqual(['a', 'broken', 'c', 'd']);
    expect(new Set(rows.map((r) => r.startedOn.getTime())).size).toBe(1);
  });
});
