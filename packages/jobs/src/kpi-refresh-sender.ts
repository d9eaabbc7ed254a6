import type { PgBoss } from 'pg-boss';
import type { Database } from '@throughline/db';
import { KPI_REFRESH_DEBOUNCE_SECONDS, kpiRefresh, kpiRefreshKey } from './jobs/kpi-refresh.job.ts';
import { createBoss, ensureQueue } from './worker.ts';

/** How an API process asks the workers to refresh KPIs after an ingest. */
export interface KpiRefreshSender {
  /** Queues a refresh of each KPI, unless one is already waiting to start (which will read these rows too). */
  send(organisationId: string, kpiIds: readonly string[]): Promise<void>;
}

/** Sends through a pg-boss that is already running, e.g. the worker's own in a one-process install. */
export function kpiRefreshSender(boss: PgBoss): KpiRefreshSender {
  return {
    send: async (organisationId, kpiIds) => {
      if (kpiIds.length === 0) return;
      // One statement for every KPI; a KPI whose refresh is still queued is skipped by the queue's policy.
      await boss.insert(
        kpiRefresh.name,
        kpiIds.map((kpiId) => ({
          data: { organisationId, kpiId },
          singletonKey: kpiRefreshKey(kpiId),
          startAfter: KPI_REFRESH_DEBOUNCE_SECONDS,
        })),
      );
    },
  };
}

/**
 * A pg-boss of its own that only sends, for an API process whose jobs run in worker processes:
 * no supervision, no schedules, no handlers. It makes sure the refresh queue exists, so an API
 * started before any worker can queue refreshes the first worker will run.
 */
export async function startKpiRefreshSender(
  database: Database,
  log: (message: string) => void,
): Promise<KpiRefreshSender & { stop(): Promise<void> }> {
  const boss = createBoss(database, { sendOnly: true });
  boss.on('error', (error: Error) => log(`[api] pg-boss error: ${error.message}`));
  await boss.start();
  await ensureQueue(boss, kpiRefresh);
  return { ...kpiRefreshSender(boss), stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
