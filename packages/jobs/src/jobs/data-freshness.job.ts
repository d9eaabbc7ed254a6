import { z } from 'zod';
import { staleSources, ZId } from '@throughline/domain';
import { latestEventPerSource, listOrganisationIds, upsertFreshness } from '@throughline/db';
import { defineJob } from './job.ts';

/** A source silent for longer than this is reported stale. */
export const STALE_AFTER_HOURS = 48;

/** Checks one organisation: when did each source last send anything? */
export const dataFreshnessCheck = defineJob({
  name: 'data-freshness.check',
  payload: z.object({ organisationId: ZId }),
  retryLimit: 3,
  // The sweep's singleton key (organisation and day) only deduplicates on an exclusive queue.
  policy: 'exclusive',
  handler: async ({ organisationId }, { db, now }) => {
    const checkedAt = now();
    const sources = await latestEventPerSource(db, organisationId);
    const latest = (stream: 'survey' | 'operational') =>
      sources
        .filter((s) => s.stream === stream)
        .reduce<Date | null>((max, s) => (max === null || s.latestAt > max ? s.latestAt : max), null);
    await upsertFreshness(db, organisationId, {
      checkedAt,
      latestSurveyAt: latest('survey'),
      latestEventAt: latest('operational'),
      staleSources: staleSources(sources, checkedAt, STALE_AFTER_HOURS),
    });
  },
});

/** Nightly: fans out one check per organisation, so several workers share the work. */
export const dataFreshnessSweep = defineJob({
  name: 'data-freshness.sweep',
  payload: z.object({}),
  schedule: { cron: '0 3 * * *', payload: {} },
  handler: async (_payload, { db, boss, now }) => {
    const day = now().toISOString().slice(0, 10);
    for (const organisationId of await listOrganisationIds(db)) {
      // One check per organisation per day, however often the sweep is delivered.
      await boss.send(dataFreshnessCheck.name, { organisationId }, { singletonKey: `${organisationId}:${day}` });
    }
  },
});
