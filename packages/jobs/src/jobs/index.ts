import type { JobDefinition } from './job.ts';
import { dataFreshnessCheck, dataFreshnessSweep } from './data-freshness.job.ts';
import { kpiRecompute, kpiScheduleSweep } from './kpi-recompute.job.ts';
import { kpiRefresh } from './kpi-refresh.job.ts';
import { valueRefit, valueRefitSweep } from './value-model.job.ts';

/** Every job the worker runs. Adding one here registers its queue, schedule and handler. */
export const jobs: readonly JobDefinition[] = [
  dataFreshnessSweep,
  dataFreshnessCheck,
  kpiScheduleSweep,
  kpiRecompute,
  kpiRefresh,
  valueRefitSweep,
  valueRefit,
];
