import { z } from 'zod';
import { ZId } from '@throughline/domain';
import { defineJob } from './job.ts';
import { recomputeOne } from './kpi-recompute.job.ts';

/** The refresh queue's key: one refresh queued and one running per KPI. */
export const kpiRefreshKey = (kpiId: string) => `kpi:${kpiId}`;

/**
 * Seconds a refresh waits before it may start: sends within them (a file imported in several
 * batches) become one recompute. Short, so new data shows within seconds.
 */
export const KPI_REFRESH_DEBOUNCE_SECONDS = 1;

/**
 * An incremental recompute of one KPI because an ingest stored rows it reads, whatever the KPI's
 * own schedule. Its queue is 'stately', not 'exclusive' like kpi.recompute's: while a refresh
 * runs, a send queues one more, which starts once it finishes and reads what arrived meanwhile.
 * An exclusive queue would drop that send and leave the new rows for the KPI's next schedule.
 * Two refreshes of a KPI never run at once (the policy), and a refresh and a scheduled recompute
 * of it queue on the engine's advisory lock.
 */
export const kpiRefresh = defineJob({
  name: 'kpi.refresh',
  payload: z.object({ organisationId: ZId, kpiId: ZId }),
  retryLimit: 3,
  policy: 'stately',
  // As kpi.recompute: a killed worker's refresh is retried within seconds, not at the 15-minute expiry.
  heartbeatSeconds: 10,
  // Every KPI an ingest fed, taken together: the last one's new rows show a poll after the first's.
  batchSize: 50,
  handler: ({ organisationId, kpiId }, ctx) => recomputeOne(ctx, organisationId, kpiId, false),
});
