import { migrateToLatest, openDatabase } from '@throughline/db';
import { startWorker, stopOnSignalsAndFailures } from '@throughline/jobs';
import { readWorkerEnv } from './env.ts';

// A worker on its own: for running several next to the API on PostgreSQL. On the embedded
// database the API process runs the worker itself, and a second process would find it locked.
const env = readWorkerEnv();
const database = await openDatabase(env);
await migrateToLatest(database.db);
const worker = await startWorker(database);

stopOnSignalsAndFailures(
  async () => {
    await worker.stop();
    await database.close();
  },
  { lost: database.lost },
);
