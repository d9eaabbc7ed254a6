import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ZApiEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres', 'must be a postgres:// URL').optional(),
  THROUGHLINE_DATA_DIR: z.string().min(1).optional(),
  /** all: API + worker + web in one process (the default); api: API and web only. */
  THROUGHLINE_ROLE: z.enum(['all', 'api']).default('all'),
  /** Send session cookies only over HTTPS; turn on behind TLS. */
  COOKIE_SECURE: z.stringbool().default(false),
  WEB_DIST: z.string().optional(),
  /** The address people open, e.g. https://throughline.example.com; links in invitations use it. */
  PUBLIC_URL: z.url().optional(),
  INIT_CWD: z.string().optional(),
});

export type ApiEnv = ReturnType<typeof readApiEnv>;

/** The API's configuration, parsed once at start-up; nothing else reads process.env. */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = ZApiEnv.parse(env);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.THROUGHLINE_DATA_DIR ?? `${parsed.INIT_CWD ?? process.cwd()}/.throughline/data`,
    role: parsed.THROUGHLINE_ROLE,
    cookieSecure: parsed.COOKIE_SECURE,
    webDist: parsed.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    publicUrl: parsed.PUBLIC_URL,
    /** Where the command was typed (pnpm runs scripts in the package's folder): relative paths start here. */
    cwd: parsed.INIT_CWD ?? process.cwd(),
  };
}
