import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { ThreadedPglite, type EmbeddedPglite } from './embedded/threaded-pglite.ts';
import { ThreadedPgliteDialect } from './embedded/threaded-pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

/**
 * An open database and what it runs on; close() releases everything, the lock included.
 * ping() says whether it can serve, without queueing behind a long statement where it can
 * (the embedded database's thread is asked whether it is up, not to run SELECT 1).
 */
export type Database =
  | { kind: 'pglite'; db: Db; pglite: EmbeddedPglite; dataDir: string; ping(): Promise<void>; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; connectionString: string; ping(): Promise<void>; close(): Promise<void> };

export type EmbeddedDatabase = Extract<Database, { kind: 'pglite' }>;

export interface DatabaseConfig {
  /** `postgres://…` to run on PostgreSQL; absent to run on the embedded database. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Pool size per process on PostgreSQL. */
  poolSize?: number;
  /**
   * After how long without a refresh the embedded database's lock counts as abandoned (a crashed
   * process's), so another may open it; refreshed every half of that. 10 s unless a test shortens it.
   */
  lockStaleMs?: number;
}

// numeric and bigint come back as strings from both drivers; every such column here holds
// values well inside a double's exact range, so they are parsed to numbers once, here.
const NUMERIC_OIDS: ReadonlySet<number> = new Set([pgliteTypes.NUMERIC, pgliteTypes.INT8]);

export class DatabaseLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database at ${dataDir} is already open in another Throughline process. ` +
        `Stop that process first (a crashed one releases the lock within 10 s), ` +
        `or set DATABASE_URL to share a PostgreSQL database between several processes.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  return openPglite(resolve(config.dataDir), config.lockStaleMs ?? 10_000);
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        NUMERIC_OIDS.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, connectionString, ping: () => selectOne(db), close: () => db.destroy() };
}

/**
 * An embedded database in memory (tests) or loaded from a dump; no lock is needed. In this
 * thread unless `thread` is set: a test's statements are short, and sharing the thread keeps
 * a test file's start-up to the load itself.
 */
export async function openEphemeralPglite(loadDataDir?: Blob, options: { thread?: boolean } = {}): Promise<EmbeddedDatabase> {
  if (options.thread) {
    const pglite = await ThreadedPglite.open({ ...(loadDataDir ? { loadDataDir } : {}) });
    const db = new Kysely<DB>({ dialect: new ThreadedPgliteDialect(pglite) });
    // Kysely closes the database only if it ever ran a statement; the thread is closed either way.
    return { kind: 'pglite', db, pglite, dataDir: 'memory://', ping: () => threadUp(pglite), close: () => db.destroy().finally(() => pglite.close()) };
  }
  const pglite = await PGlite.create({ parsers: pgliteParsers(), ...(loadDataDir ? { loadDataDir } : {}) });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { kind: 'pglite', db, pglite, dataDir: 'memory://', ping: () => selectOne(db), close: () => db.destroy() };
}

async function openPglite(dataDir: string, staleMs: number): Promise<Database> {
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  // PGlite corrupts its files when two processes open them; the lock turns that into an error.
  // proper-lockfile refreshes it from this thread's timers; statements run on the database's
  // own thread (ThreadedPglite), so none can hold the refresh back until the lock looks stale.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}.lock`, stale: staleMs, update: staleMs / 5, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DatabaseLockedError(dataDir);
    throw error;
  }
  try {
    const pglite = await ThreadedPglite.open({ dataDir });
    const db = new Kysely<DB>({ dialect: new ThreadedPgliteDialect(pglite) });
    return {
      kind: 'pglite',
      db,
      pglite,
      dataDir,
      ping: () => threadUp(pglite),
      close: async () => {
        // Kysely closes the database only if it ever ran a statement; the thread is closed either way.
        await db.destroy().finally(() => pglite.close());
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function selectOne(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

async function threadUp(pglite: ThreadedPglite): Promise<void> {
  if (!pglite.alive) throw new Error('The embedded database is not running');
}

function pgliteParsers() {
  return Object.fromEntries([...NUMERIC_OIDS].map((oid) => [oid, Number]));
}
