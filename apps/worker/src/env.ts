import { z } from 'zod';

const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().startsWith('postgres', 'must be a postgres:// URL').optional(),
  THROUGHLINE_DATA_DIR: z.string().min(1).optional(),
  INIT_CWD: z.string().optional(),
});

/** Every variable the worker reads, for the test that keeps the README's configuration table complete. */
export const WORKER_ENV_VARIABLES = Object.keys(ZWorkerEnv.shape);

/** The worker's configuration, parsed once; nothing else reads process.env. */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = ZWorkerEnv.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.THROUGHLINE_DATA_DIR ?? `${parsed.INIT_CWD ?? process.cwd()}/.throughline/data`,
  };
}
