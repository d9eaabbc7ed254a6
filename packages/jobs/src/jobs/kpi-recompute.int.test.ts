import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertOrganisation } from '@throughline/db/testing';
import { until } from '../testing/until.ts';
import { startWorker, type Worker } from '../worker.ts';
import { kpiRecompute, kpiRecomputeKey, kpiScheduleSweep, lastSlot } from './kpi-recompute.job.ts';

const NOW = new Date('2026-11-25T03:00:30Z');
let database: Database;
let worker: Worker;
const ids = { org: '', kpi: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ids.org = (await insertOrganisation(db, 'harbour')).id;
  ids.kpi = (
    await db
      .insertInto('kpi')
      .values({
        organisation_id: ids.org,
        key: 'org.nps',
        name: 'NPS',
        kind: 'nps',
        source: JSON.stringify({ stream: 'survey', instrument: 'nps' }),
        scope_level: 'organisation',
        direction: 'higher_is_better',
        grain: 'month',
        schedule: '0 3 * * *',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // October: 6 promoters, 2 passives, 2 detractors → NPS +40 over 10 answers.
  const scores = [10, 10, 9, 9, 9, 10, 8, 7, 3, 6];
  await db
    .insertInto('survey_response')
    .values(
      scores.map((score, i) => ({
        organisation_id: ids.org,
        source: 's',
        external_id: `r-${i}`,
        instrument: 'nps',
        score,
        occurred_at: `2026-10-${10 + i}T12:00:00Z`,
      })),
    )
    .execute();
  worker = await startWorker(database, {
    jobs: [kpiScheduleSweep, kpiRecompute],
    now: () => NOW,
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

const recomputesSent = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${kpiRecompute.name}`.execute(database.db)).rows[0]!.n;

describe('KPI schedules', () => {
  it('know the latest slot a cron expression fired in', () => {
    expect(lastSlot('0 3 * * *', new Date('2026-11-25T03:00:30Z')).toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(lastSlot('0 3 * * *', new Date('2026-11-25T02:59:00Z')).toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(lastSlot('*/15 * * * *', new Date('2026-11-25T10:07:00Z')).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('recomputes a KPI whose schedule has fired, once, through pg-boss', async () => {
    await worker.boss.send(kpiScheduleSweep.name, {});
    const result = await until(async () =>
      database.db.selectFrom('kpi_result').selectAll().where('kpi_id', '=', ids.kpi).where('segment', '=', '').executeTakeFirst(),
    );
    expect(result).toMatchObject({ value: 40, n: 10, method: 'nps-adjusted-wald', grain: 'month' });
    expect(await recomputesSent()).toBe(1);

    // Sweeping again in the same slot sends nothing: the KPI has run since its schedule fired.
    await worker.boss.send(kpiScheduleSweep.name, {});
    await until(async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${kpiScheduleSweep.name} AND state = 'completed'`.execute(database.db)
      ).rows[0]!.n >= 2
        ? true
        : undefined,
    );
    expect(await recomputesSent()).toBe(1);
  });

  it('queues one recompute per KPI however many senders race', async () => {
    // Sent at the same moment: the worker (polling every 0.5 s) cannot finish one in between.
    const before = await recomputesSent();
    const send = () =>
      worker.boss.send(
        kpiRecompute.name,
        { organisationId: ids.org, kpiId: ids.kpi, full: false },
        { singletonKey: kpiRecomputeKey(ids.kpi) },
      );
    const sent = await Promise.all([send(), send(), send()]);
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
    expect(await recomputesSent()).toBe(before + 1);
  });
});
