import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { DomainError, ZId } from '@throughline/domain';
import { getKpi, listKpiSchedules, recomputeKpi } from '@throughline/db';
import { defineJob, type JobContext } from './job.ts';

/** The recompute queue's key: one queued or active recompute per KPI. */
export const kpiRecomputeKey = (kpiId: string) => `kpi:${kpiId}`;

/** The latest time the cron expression fired at or before `now` (UTC). */
export function lastSlot(cron: string, now: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz: 'UTC' })
    .prev()
    .toDate();
}

/**
 * Recomputes one KPI: the days that received events since its last run, or everything when
 * `full`. Idempotent, and serialised per KPI by an advisory lock in the engine; a KPI deleted
 * since the job was sent is nothing to do.
 */
export const kpiRecompute = defineJob({
  name: 'kpi.recompute',
  payload: z.object({ organisationId: ZId, kpiId: ZId, full: z.boolean().default(false) }),
  retryLimit: 3,
  // One queued or active recompute per KPI (the singleton key), however many are sent.
  policy: 'exclusive',
  // A worker killed mid-recompute would otherwise hold its KPI's one queue slot until the
  // 15-minute expiry, turning every sweep away. The killed run's transaction never commits, so
  // the retry starts clean; a run that is alive but missed its beats still holds the engine's
  // lock, so its retry waits and then runs incrementally: a false alarm costs a repeat, not a result.
  heartbeatSeconds: 10,
  handler: ({ organisationId, kpiId, full }, ctx) => recomputeOne(ctx, organisationId, kpiId, full),
});

/** Recomputes one KPI in a transaction of its own; a KPI deleted since the job was sent is nothing to do. */
export async function recomputeOne({ db, now }: JobContext, organisationId: string, kpiId: string, full: boolean): Promise<void> {
  const kpi = await getKpi(db, organisationId, kpiId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!kpi) return;
  await db.transaction().execute((trx) => recomputeKpi(trx, organisationId, kpi, { full, now: now(), runId: randomUUID() }));
}

/**
 * Every minute, and once when a worker starts (a fresh install shows values at once instead of
 * at the next minute's cron): sends a recompute for each KPI whose own schedule has fired since
 * its last run. The recompute queue holds one job per KPI, so however many workers sweep, each
 * scheduled recompute runs once.
 */
export const kpiScheduleSweep = defineJob({
  name: 'kpi.schedule-sweep',
  payload: z.object({}),
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: true,
  handler: async (_payload, { db, boss, now }) => {
    const at = now();
    for (const k of await listKpiSchedules(db)) {
      const slot = lastSlot(k.schedule, at);
      if (k.lastRunAt && k.lastRunAt >= slot) continue;
      await boss.send(
        kpiRecompute.name,
        { organisationId: k.organisationId, kpiId: k.kpiId, full: false },
        { singletonKey: kpiRecomputeKey(k.kpiId) },
      );
    }
  },
});
