import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

/** An open database and what it runs on; close() releases everything, the lock included. */
export type Database =
  | { kind: 'pglite'; db: Db; pglite: PGlite; dataDir: string; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; connectionString: string; close(): Promise<void> };

export interface DatabaseConfig {
  /** `postgres://…` to run on PostgreSQL; absent to run on the embedded database. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Pool size per process on PostgreSQL. */
  poolSize?: number;
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
  return openPglite(resolve(config.dataDir));
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
  return { kind: 'postgres', db, connectionString, close: () => db.destroy() };
}

/** An embedded database in memory (tests) or loaded from a dump; no lock is needed. */
export async function openEphemeralPglite(loadDataDir?: Blob): Promise<Database> {
  const pglite = await PGlite.create({ parsers: pgliteParsers(), ...(loadDataDir ? { loadDataDir } : {}) });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { kind: 'pglite', db, pglite, dataDir: 'memory://', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  // PGlite corrupts its files when two processes open them; the lock turns that into an error.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}.lock`, stale: 10_000, update: 2_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DatabaseLockedError(dataDir);
    throw error;
  }
  try {
    const pglite = await PGlite.create(dataDir, { parsers: pgliteParsers() });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      kind: 'pglite',
      db,
      pglite,
      dataDir,
      close: async () => {
        await db.destroy();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

function pgliteParsers() {
  return Object.fromEntries([...NUMERIC_OIDS].map((oid) => [oid, Number]));
}
