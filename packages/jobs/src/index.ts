export { startWorker, createBoss, type Worker, type WorkerOptions } from './worker.ts';
export { kpiRefreshSender, startKpiRefreshSender, type KpiRefreshSender } from './kpi-refresh-sender.ts';
export { kpiRefresh, kpiRefreshKey, KPI_REFRESH_DEBOUNCE_SECONDS } from './jobs/kpi-refresh.job.ts';
export { kpiRecompute, kpiRecomputeKey, kpiScheduleSweep } from './jobs/kpi-recompute.job.ts';
export { jobs } from './jobs/index.ts';
export type { JobContext, JobDefinition } from './jobs/job.ts';
export { dataFreshnessCheck, dataFreshnessSweep, STALE_AFTER_HOURS } from './jobs/data-freshness.job.ts';
export { stopOnSignalsAndFailures } from './shutdown.ts';
