import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '@throughline/db';

export interface JobContext {
  db: Db;
  boss: PgBoss;
  now: () => Date;
}

/**
 * A job is its name, the schema of its payload, an optional cron schedule and a handler.
 * Delivery is at least once, so handlers must be idempotent and await all their work.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  /** Five-field cron in UTC; jobs without one only run when sent. */
  schedule?: { cron: string; payload: z.input<P> };
  /** Retries after a failure, with backoff. */
  retryLimit?: number;
  /**
   * pg-boss queue policy. 'exclusive' allows one queued or active job per singletonKey, which
   * is what deduplicates jobs sent by several workers at once; the default queue does not.
   * 'stately' allows one queued and one active per key: a send while one runs queues the next.
   */
  policy?: 'standard' | 'exclusive' | 'stately';
  /**
   * Seconds a running job may go without a heartbeat from its worker (sent every half of this)
   * before the supervisor fails it for a retry: how a job whose worker died is noticed before
   * its expiry, which is 15 minutes. pg-boss's minimum is 10.
   */
  heartbeatSeconds?: number;
  /**
   * Jobs a worker takes in one fetch and runs one after another, each completed or failed on its
   * own. 1 when absent. An ingest queues a refresh of every KPI it fed at once: taken one per poll
   * they would wait a polling interval each.
   */
  batchSize?: number;
  /** A scheduled job also sent once when a worker starts; its handler must be cheap to repeat. */
  runAtStart?: boolean;
  handler: (payload: z.output<P>, ctx: JobContext) => Promise<void>;
}

export function defineJob<P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}
