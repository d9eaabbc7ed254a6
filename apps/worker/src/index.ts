export { startWorker, createBoss, type Worker, type WorkerOptions } from './worker.ts';
export { jobs } from './jobs/index.ts';
export { dataFreshnessCheck, dataFreshnessSweep, STALE_AFTER_HOURS } from './jobs/data-freshness.job.ts';
