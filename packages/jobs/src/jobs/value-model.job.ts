import { z } from 'zod';
import { DomainError, ZId } from '@throughline/domain';
import { getKpi, isScoreKpi, listKpis, listOrganisationIds, refitValueModel } from '@throughline/db';
import { defineJob } from './job.ts';

/** One queued or running refit per KPI. */
export const valueRefitKey = (kpiId: string) => `value:${kpiId}`;

/** Refits one score KPI's value model; a KPI deleted since is nothing to do. */
export const valueRefit = defineJob({
  name: 'value.refit',
  payload: z.object({ organisationId: ZId, kpiId: ZId }),
  retryLimit: 2,
  policy: 'exclusive',
  handler: async ({ organisationId, kpiId }, { db, now }) => {
    const kpi = await getKpi(db, organisationId, kpiId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!kpi) return;
    await refitValueModel(db, organisationId, kpi, now());
  },
});

/**
 * Nightly, and once when a worker starts: a refit for every score KPI of every organisation, so
 * value links follow the customers' latest scores and what they did next.
 */
export const valueRefitSweep = defineJob({
  name: 'value.refit-sweep',
  payload: z.object({}),
  schedule: { cron: '30 3 * * *', payload: {} },
  runAtStart: true,
  handler: async (_payload, { db, boss }) => {
    for (const organisationId of await listOrganisationIds(db)) {
      for (const kpi of (await listKpis(db, organisationId)).filter(isScoreKpi)) {
        await boss.send(valueRefit.name, { organisationId, kpiId: kpi.id }, { singletonKey: valueRefitKey(kpi.id) });
      }
    }
  },
});
