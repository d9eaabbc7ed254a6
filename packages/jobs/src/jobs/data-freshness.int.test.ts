import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreshness, type Database } from '@throughline/db';
import { createTestDatabase, insertOrganisation } from '@throughline/db/testing';
import { until } from '../testing/until.ts';
import { startWorker, type Worker } from '../worker.ts';
import { dataFreshnessCheck, dataFreshnessSweep } from './data-freshness.job.ts';

const NOW = new Date('2026-11-25T03:00:00Z');
let database: Database;
let worker: Worker;
const org = { fresh: '', stale: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  org.fresh = (await insertOrganisation(db, 'fresh')).id;
  org.stale = (await insertOrganisation(db, 'stale')).id;
  const survey = (organisationId: string, source: string, at: string) =>
    db
      .insertInto('survey_response')
      .values({ organisation_id: organisationId, source, external_id: `${source}-${at}`, instrument: 'nps', score: 9, occurred_at: at })
      .execute();
  await survey(org.fresh, 'qualtrics', '2026-11-24T20:00:00Z');
  await survey(org.stale, 'qualtrics', '2026-11-01T09:00:00Z');
  await db
    .insertInto('operational_event')
    .values({
      organisation_id: org.stale,
      source: 'genesys',
      external_id: 'c-1',
      type: 'contact',
      occurred_at: '2026-11-24T23:00:00Z',
      attributes: '{}',
    })
    .execute();
  worker = await startWorker(database, { now: () => NOW, pollingIntervalSeconds: 0.5, log: () => {} });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

describe('the data-freshness job', () => {
  it('is scheduled nightly through pg-boss', async () => {
    const schedules = await worker.boss.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: dataFreshnessSweep.name, cron: '0 3 * * *' })]));
  });

  it('sweeps every organisation through the queue and records what is stale', async () => {
    await worker.boss.send(dataFreshnessSweep.name, {});
    const stale = await until(() => getFreshness(database.db, org.stale));
    const fresh = await until(() => getFreshness(database.db, org.fresh));
    expect(fresh.stale_sources).toEqual([]);
    expect(fresh.latest_survey_at).toEqual(new Date('2026-11-24T20:00:00Z'));
    expect(stale.stale_sources).toEqual([{ source: 'qualtrics', stream: 'survey', latestAt: '2026-11-01T09:00:00.000Z', ageHours: 570 }]);
    expect(stale.latest_event_at).toEqual(new Date('2026-11-24T23:00:00Z'));
  });

  it('is idempotent: a second delivery leaves one row with the same result', async () => {
    const before = await getFreshness(database.db, org.stale);
    await dataFreshnessCheck.handler({ organisationId: org.stale }, { db: database.db, boss: worker.boss, now: () => NOW });
    const rows = await database.db.selectFrom('data_freshness').selectAll().where('organisation_id', '=', org.stale).execute();
    expect(rows).toEqual([before]);
  });

  it('rejects a malformed payload instead of running', async () => {
    expect(() => dataFreshnessCheck.payload.parse({ organisationId: 'nope' })).toThrow();
  });
});
