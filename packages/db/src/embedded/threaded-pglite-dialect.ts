import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { ThreadedPglite } from './threaded-pglite.ts';

/**
 * Kysely on the embedded database's thread, with as many connections as callers. Statements
 * from different requests are sent without waiting for each other, so the thread always has
 * the next one queued instead of idling for a round trip between them; PGlite runs them one
 * at a time. A transaction is exclusive: its statements carry its id, and PGlite holds every
 * other statement until it ends, which is what isolates it (Kysely's own PGlite dialect
 * serialises every statement behind one connection instead).
 */
export class ThreadedPgliteDialect implements Dialect {
  constructor(private readonly pglite: ThreadedPglite) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new ThreadedPgliteDriver(this.pglite);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class ThreadedPgliteDriver implements Driver {
  constructor(private readonly pglite: ThreadedPglite) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ThreadedPgliteConnection(this.pglite);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as ThreadedPgliteConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as ThreadedPgliteConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as ThreadedPgliteConnection).end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  /** The database is closed by whoever opened it (Database.close), not by Kysely. */
  async destroy(): Promise<void> {}
}

class ThreadedPgliteConnection implements DatabaseConnection {
  #transaction: number | null = null;

  constructor(private readonly pglite: ThreadedPglite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(
      compiled.sql,
      [...compiled.parameters],
      { rowMode: 'object' },
      this.#transaction ?? undefined,
    );
    return {
      rows: result.rows,
      ...(result.affectedRows === undefined ? {} : { numAffectedRows: BigInt(result.affectedRows) }),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The embedded database does not stream results');
  }

  async begin(): Promise<void> {
    this.#transaction = await this.pglite.begin();
  }

  async end(how: 'commit' | 'rollback'): Promise<void> {
    const tx = this.#transaction;
    this.#transaction = null;
    if (tx === null) return;
    if (how === 'commit') await this.pglite.commit(tx);
    else await this.pglite.rollback(tx);
  }
}
