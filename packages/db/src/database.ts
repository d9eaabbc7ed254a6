import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { startBackupControl, type BackupControl } from './embedded/backup-control.ts';
import { lockDataDir } from './embedded/data-dir-lock.ts';
import { ThreadedPglite, type EmbeddedPglite } from './embedded/threaded-pglite.ts';
import { ThreadedPgliteDialect } from './embedded/threaded-pglite-dialect.ts';
import type { DB } from './schema.ts';
import { statisticsKeptByServer } from './queries/table-statistics.ts';

export type Db = Kysely<DB>;

/**
 * An open database and what it runs on; close() releases everything, the lock included.
 * ping() says whether it can serve, without queueing behind a long statement where it can
 * (the embedded database's thread is asked whether it is up, not to run SELECT 1).
 * `lost` settles if the database can no longer serve this process at all (the embedded
 * database's thread died, or its lock was taken away): the process should report it and exit.
 * A PostgreSQL database is never lost: its connections are replaced as they drop.
 */
export type Database =
  | {
      kind: 'pglite';
      db: Db;
      pglite: EmbeddedPglite;
      dataDir: string;
      lost: Promise<Error>;
      ping: () => Promise<void>;
      close: () => Promise<void>;
    }
  | { kind: 'postgres'; db: Db; connectionString: string; lost: Promise<Error>; ping: () => Promise<void>; close: () => Promise<void> };

export type EmbeddedDatabase = Extract<Database, { kind: 'pglite' }>;

export interface DatabaseConfig {
  /** `postgres://…` to run on PostgreSQL; absent to run on the embedded database. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Pool size per process on PostgreSQL. */
  poolSize?: number;
  /**
   * After how long without a refresh the lock of an owner on another host counts as abandoned
   * (an owner on this host holds it for as long as it lives); refreshed every fifth of that.
   * 10 s unless a test shortens it.
   */
  lockStaleMs?: number;
}

// numeric and bigint come back as strings from both drivers; every such column here holds
// values well inside a double's exact range, so they are parsed to numbers once, here.
const NUMERIC_OIDS: ReadonlySet<number> = new Set([pgliteTypes.NUMERIC, pgliteTypes.INT8]);

export { DatabaseLockedError, dataDirLockHolder, type LockOwner } from './embedded/data-dir-lock.ts';

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
        NUMERIC_OIDS.has(oid)
          ? Number
          : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection dropped by the server (restart, failover, pg_terminate_backend) must not crash
  // the process. The pool listens for an idle connection's error; one checked out (Kysely holds
  // it for a statement or a transaction) has no listener but this one, which it keeps for life.
  // The statement in flight fails with the error (the API answers 503), and the pool discards
  // the connection when it is released.
  pool.on('error', (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.error(`[db] PostgreSQL connection lost: ${error.message}`));
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  statisticsKeptByServer(db);
  return { kind: 'postgres', db, connectionString, lost: new Promise(() => {}), ping: () => selectOne(db), close: () => db.destroy() };
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
    return {
      kind: 'pglite',
      db,
      pglite,
      dataDir: 'memory://',
      lost: pglite.failed,
      ping: () => threadUp(pglite),
      close: () => db.destroy().finally(() => pglite.close()),
    };
  }
  const pglite = await PGlite.create({ parsers: pgliteParsers(), ...(loadDataDir ? { loadDataDir } : {}) });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'pglite',
    db,
    pglite,
    dataDir: 'memory://',
    lost: new Promise(() => {}),
    ping: () => selectOne(db),
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, staleMs: number): Promise<Database> {
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  // PGlite corrupts its files when two processes open them; the lock turns that into an error.
  let reportLost!: (error: Error) => void;
  const lostLock = new Promise<Error>((resolve) => (reportLost = resolve));
  const lock = lockDataDir(dataDir, { staleMs, onLost: (error) => reportLost(error) });
  let control: BackupControl | undefined;
  let pglite: ThreadedPglite | undefined;
  try {
    pglite = await ThreadedPglite.open({ dataDir });
    const db = new Kysely<DB>({ dialect: new ThreadedPgliteDialect(pglite) });
    const thread = pglite;
    control = await startBackupControl(dataDir, () => thread.dumpDataDir('gzip'));
    const running = control;
    return {
      kind: 'pglite',
      db,
      pglite: thread,
      dataDir,
      lost: Promise.race([thread.failed, lostLock]),
      ping: () => threadUp(thread),
      close: async () => {
        await running.close();
        // Kysely closes the database only if it ever ran a statement; the thread is closed either way.
        await db.destroy().finally(() => thread.close());
        lock.release();
      },
    };
  } catch (error) {
    await control?.close();
    await pglite?.close();
    lock.release();
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
