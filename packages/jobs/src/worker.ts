import { PgBoss, fromPglite, type JobResult } from 'pg-boss';
import type { Database } from '@throughline/db';
import { jobs as allJobs } from './jobs/index.ts';
import type { JobContext, JobDefinition } from './jobs/job.ts';

export interface Worker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  jobs?: readonly JobDefinition[];
  now?: () => Date;
  /** How often idle workers look for jobs: 0.5 s on the embedded database, else pg-boss's 2 s. */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
}

/** pg-boss on the same database as the app: in-process on PGlite, its own pool on PostgreSQL. */
export function createBoss(database: Database, options: { sendOnly?: boolean } = {}): PgBoss {
  // A send-only boss (an API process's) neither supervises nor runs schedules: the workers do.
  const sendOnly = options.sendOnly ? { supervise: false, schedule: false } : {};
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss', ...sendOnly })
      : new PgBoss({ connectionString: database.connectionString, schema: 'pgboss', max: options.sendOnly ? 2 : 4, ...sendOnly });
  return boss;
}

/** Creates a job's queue as its definition says, or brings one that exists in line with it. */
export async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  const settings = { retryLimit: job.retryLimit ?? 2, retryBackoff: true };
  const heartbeat = job.heartbeatSeconds ? { heartbeatSeconds: job.heartbeatSeconds } : {};
  await boss.createQueue(job.name, { policy: job.policy ?? 'standard', ...settings, ...heartbeat });
  // createQueue leaves a queue that exists as it was; this brings one an earlier release made
  // in line with the definition (null clears a heartbeat the definition no longer has).
  await boss.updateQueue(job.name, { ...settings, heartbeatSeconds: job.heartbeatSeconds ?? null });
}

/** Starts pg-boss, creates each job's queue, registers its schedule and its handler. */
export async function startWorker(database: Database, options: WorkerOptions = {}): Promise<Worker> {
  const log = options.log ?? ((m: string) => console.log(`[worker] ${m}`));
  const boss = createBoss(database);
  boss.on('error', (error: Error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  const ctx: JobContext = { db: database.db, boss, now: options.now ?? (() => new Date()) };
  for (const job of options.jobs ?? allJobs) {
    await ensureQueue(boss, job);
    if (job.schedule) await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object, { tz: 'UTC' });
    await boss.work<unknown>(
      job.name,
      // On the embedded database a poll is a query in this process, so idle workers look every
      // half second (a recompute asked for on the page starts at once); on PostgreSQL, shared
      // by every process, pg-boss's 2 s.
      {
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? (database.kind === 'pglite' ? 0.5 : 2),
        batchSize: job.batchSize ?? 1,
        perJobResults: true,
      },
      // Each job of a batch settles on its own: one that fails is retried, the others are done.
      async (batch): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const delivered of batch) {
          try {
            await job.handler(job.payload.parse(delivered.data), ctx);
            results.push({ id: delivered.id, status: 'completed' });
          } catch (error) {
            const failure = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
            log(`${job.name} failed: ${failure.message}`);
            results.push({ id: delivered.id, status: 'failed', output: failure });
          }
        }
        return results;
      },
    );
  }
  for (const job of (options.jobs ?? allJobs).filter((j) => j.runAtStart && j.schedule)) {
    await boss.send(job.name, job.schedule!.payload as object, { singletonKey: 'start', singletonSeconds: 60 });
  }
  log(`started with ${(options.jobs ?? allJobs).length} jobs`);
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
