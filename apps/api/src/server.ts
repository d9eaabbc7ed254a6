import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  migrateToLatest,
  openDatabase,
  seedDemoIfEmpty,
  organisationStamps,
  type OrganisationStamps,
  DEMO_SIGN_IN,
  type Database,
} from '@throughline/db';
import { kpiRefreshSender, startKpiRefreshSender, startWorker, type KpiRefreshSender, type Worker } from '@throughline/jobs';
import { hashPassword } from './auth/password.ts';
import type { ApiEnv } from './env.ts';
import { createApp } from './http/app.ts';

export interface RunningServer {
  url: string;
  database: Database;
  worker: Worker | null;
  seeded: { seeded: boolean; rows: number; ms: number };
  timings: { openMs: number; migrateMs: number; seedMs: number; totalMs: number };
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates, seeds the demo organisation into an empty database when the
 * configuration asks for it (by default on the embedded database only), starts
 * the worker (unless this process is API-only) and listens.
 */
export async function startServer(env: ApiEnv, log: (m: string) => void = console.log): Promise<RunningServer> {
  const t0 = performance.now();
  const database = await openDatabase(env);
  const t1 = performance.now();
  let worker: Worker | null = null;
  // In an API-only process, a pg-boss that only sends: the worker processes run the refreshes.
  let sender: (KpiRefreshSender & { stop(): Promise<void> }) | null = null;
  let server: Server | undefined;
  let stamps: OrganisationStamps | undefined;
  try {
    await migrateToLatest(database.db);
    const t2 = performance.now();
    // The demo's twelve months end today (at midnight UTC), so it looks live; the content is
    // the same for the same day.
    const today = new Date(new Date().toISOString().slice(0, 10));
    const seeded = env.demo
      ? await seedDemoIfEmpty(database.db, { adminPasswordHash: await hashPassword(DEMO_SIGN_IN.password), now: today })
      : { seeded: false, rows: 0, ms: 0 };
    const t3 = performance.now();
    if (seeded.seeded)
      log(`Seeded the demo organisation: ${seeded.rows.toLocaleString('en-GB')} rows in ${(seeded.ms / 1000).toFixed(1)} s`);
    if (env.role === 'all') worker = await startWorker(database);
    else sender = await startKpiRefreshSender(database, log);
    const kpiRefresh = worker ? kpiRefreshSender(worker.boss) : sender!;
    stamps = await organisationStamps(database, log);
    const app = createApp({
      db: database.db,
      ping: database.ping,
      stamps,
      webDist: env.webDist,
      cookieSecure: env.cookieSecure,
      publicUrl: env.publicUrl,
      trustProxy: env.trustProxy,
      log,
      kpiRefresh,
    });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(env.port, env.host, () => resolve(s)).once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const listening = server;
    return {
      url: `http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${port}`,
      database,
      worker,
      seeded,
      timings: { openMs: t1 - t0, migrateMs: t2 - t1, seedMs: t3 - t2, totalMs: performance.now() - t0 },
      stop: async () => {
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        listening.closeAllConnections();
        await worker?.stop();
        await sender?.stop();
        await stamps?.close();
        await database.close();
      },
    };
  } catch (error) {
    server?.close();
    await worker?.stop().catch(() => {});
    await sender?.stop().catch(() => {});
    await stamps?.close().catch(() => {});
    await database.close();
    throw error;
  }
}
