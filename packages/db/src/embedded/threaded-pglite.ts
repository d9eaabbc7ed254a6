import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';

/** What Kysely's PGliteDialect, pg-boss's fromPglite and the test template need of an embedded database. */
export interface EmbeddedPglite {
  readonly closed: boolean;
  readonly ready: boolean;
  readonly waitReady: Promise<void>;
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Array<Results>>;
  transaction<T>(callback: (tx: EmbeddedTransaction) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
  /** Calls `callback` with each NOTIFY on `channel`, before the notifying statement's own answer arrives. */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface EmbeddedTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Array<Results>>;
  rollback(): Promise<void>;
}

interface SerialisedError {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

type Reply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: SerialisedError }
  | { kind: 'result'; id: number; [field: string]: unknown }
  | { kind: 'notify'; channel: string; payload: string }
  | { kind: 'error'; id: number; error: SerialisedError };

interface Pending {
  resolve(message: Record<string, unknown>): void;
  reject(error: Error): void;
}

/**
 * PGlite on a worker thread of its own. Statements run there, one at a time as PGlite runs
 * them anyway, and answers come back as messages: a long statement, a refit or the demo seed
 * occupy that thread, never the one serving HTTP, keeping the data-dir lock fresh and
 * answering /readyz.
 */
export class ThreadedPglite implements EmbeddedPglite {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #closed = false;
  #ready = false;
  #failure: Error | null = null;
  readonly waitReady: Promise<void>;
  /**
   * Settles when the thread stops or fails without having been closed: the database is gone
   * and every statement from now on fails, so the process should say so and stop.
   */
  readonly failed: Promise<Error>;
  #reportFailure!: (error: Error) => void;

  private constructor(workerData: { dataDir?: string; loadDataDir?: ArrayBuffer }) {
    this.#worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), {
      workerData,
      transferList: workerData.loadDataDir ? [workerData.loadDataDir] : [],
      // The thread's output is the process's: PGlite's own warnings stay visible.
      stdout: false,
      stderr: false,
    });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#worker.on('message', (reply: Reply) => {
        if (reply.kind === 'ready') {
          this.#ready = true;
          resolve();
        } else if (reply.kind === 'failed') {
          reject(rebuildError(reply.error));
        } else if (reply.kind === 'notify') {
          for (const listener of this.#listeners.get(reply.channel) ?? []) listener(reply.payload);
        } else this.#settle(reply);
      });
      this.#worker.on('error', (error) => {
        this.#fail(error);
        reject(error);
      });
      this.#worker.on('exit', (code) => {
        const error = new Error(`The embedded database's thread stopped (exit code ${code})`);
        this.#fail(error);
        reject(error);
      });
    });
    // Nothing else may keep the process alive for the thread's sake once it is closed.
    this.waitReady.catch(() => {});
    this.failed = new Promise((resolve) => (this.#reportFailure = resolve));
  }

  /** Opens (creating if new) the database in dataDir, or one in memory loaded from a dump. */
  static async open(source: { dataDir: string } | { loadDataDir?: Blob }): Promise<ThreadedPglite> {
    const workerData =
      'dataDir' in source ? { dataDir: source.dataDir } : source.loadDataDir ? { loadDataDir: await source.loadDataDir.arrayBuffer() } : {};
    const pglite = new ThreadedPglite(workerData);
    try {
      await pglite.waitReady;
    } catch (error) {
      await pglite.#worker.terminate();
      throw error;
    }
    return pglite;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get ready(): boolean {
    return this.#ready && !this.#failure;
  }

  /** Whether the thread is up and has not failed: what /readyz can ask without waiting behind a statement. */
  get alive(): boolean {
    return this.ready && !this.#closed;
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    const { blob, rowMode } = options ?? {};
    const unsupported = Object.keys(options ?? {}).filter((k) => k !== 'blob' && k !== 'rowMode');
    if (unsupported.length > 0) throw new Error(`The embedded database's thread does not take query options ${unsupported.join(', ')}`);
    const bytes = blob ? await blob.arrayBuffer() : undefined;
    const reply = await this.#send(
      { op: 'query', sql, params, options: { ...(rowMode ? { rowMode } : {}), ...(bytes ? { blob: bytes } : {}) }, tx },
      bytes ? [bytes] : [],
    );
    const out = reply.blob as ArrayBuffer | undefined;
    return {
      rows: reply.rows as T[],
      fields: reply.fields as Results['fields'],
      ...(reply.affectedRows === undefined ? {} : { affectedRows: reply.affectedRows as number }),
      ...(out ? { blob: new Blob([out]) } : {}),
    };
  }

  async exec(sql: string, tx?: number): Promise<Array<Results>> {
    const reply = await this.#send({ op: 'exec', sql, tx });
    return reply.results as Results[];
  }

  async transaction<T>(callback: (tx: EmbeddedTransaction) => Promise<T>): Promise<T> {
    const id = await this.begin();
    let ended = false;
    const tx: EmbeddedTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
      rollback: async () => {
        ended = true;
        await this.rollback(id);
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      if (!ended) await this.rollback(id).catch(() => {});
      throw error;
    }
    if (!ended) await this.commit(id);
    return result;
  }

  /**
   * Opens a transaction and answers with its id once BEGIN has run; statements sent with the id
   * run in it, and every other statement waits until it is committed or rolled back.
   */
  async begin(): Promise<number> {
    return ((await this.#send({ op: 'begin' })) as { tx: number }).tx;
  }

  async commit(tx: number): Promise<void> {
    await this.#send({ op: 'commit', tx });
  }

  async rollback(tx: number): Promise<void> {
    await this.#send({ op: 'rollback', tx });
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
    const reply = await this.#send({ op: 'dump', compression });
    return new Blob([reply.bytes as ArrayBuffer]);
  }

  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
      await this.#send({ op: 'listen', channel });
    }
    listeners.add(callback);
    return async () => {
      listeners.delete(callback);
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#failure) await this.#send({ op: 'close' }, [], true).catch(() => {});
    await this.#worker.terminate();
  }

  #send(request: Record<string, unknown>, transfer: ArrayBuffer[] = [], closing = false): Promise<Record<string, unknown>> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed && !closing) return Promise.reject(new Error('The embedded database is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  #settle(reply: Extract<Reply, { id: number }>): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.kind === 'error') pending.reject(rebuildError(reply.error));
    else pending.resolve(reply);
  }

  #fail(error: Error): void {
    if (this.#closed && !this.#failure && this.#pending.size === 0) return;
    if (!this.#closed && !this.#failure) this.#reportFailure(error);
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/** An error from the thread, with the database's fields (code, constraint, …) where it had them. */
function rebuildError(serialised: SerialisedError): Error {
  const error = new Error(serialised.message);
  error.name = serialised.name;
  Object.assign(error, serialised.fields);
  if (serialised.stack) error.stack = serialised.stack;
  return error;
}
