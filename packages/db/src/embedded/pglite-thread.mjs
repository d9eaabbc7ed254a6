// @ts-check
// The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly, and a
// statement holds the thread it runs on until it finishes; here that thread is this one, so
// the HTTP thread (and the data-dir lock it keeps fresh) never waits on a query.
//
// Plain JavaScript on purpose: a worker thread is started by Node itself, outside tsx or
// vitest's module loader, and Node 20 cannot load TypeScript. The protocol is typed on the
// other side, in threaded-pglite.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

if (!parentPort) throw new Error('pglite-thread.mjs runs as a worker thread');
const port = parentPort;

/** numeric and bigint as numbers, as database.ts does for both drivers. */
const parsers = { [types.NUMERIC]: Number, [types.INT8]: Number };

/** @type {{ dataDir?: string, loadDataDir?: ArrayBuffer }} */
const options = workerData ?? {};

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create(options.dataDir, {
    parsers,
    ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
  });
  port.postMessage({ kind: 'ready' });
} catch (error) {
  port.postMessage({ kind: 'failed', error: serialiseError(error) });
  process.exit(1);
}

/** Open transactions by id: the handle their statements run on and how to end them. */
/** @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, commit: () => void, rollback: (e: unknown) => void, ended: Promise<unknown> }>} */
const transactions = new Map();
let nextTransaction = 1;
const ROLLBACK = Symbol('rollback');

port.on('message', (/** @type {Request} */ request) => {
  void handle(request).then(
    (result) => port.postMessage({ kind: 'result', id: request.id, ...result.message }, result.transfer ?? []),
    (error) => port.postMessage({ kind: 'error', id: request.id, error: serialiseError(error) }),
  );
});

/**
 * @typedef {{ id: number, op: 'query', sql: string, params?: unknown[], options?: { rowMode?: 'array' | 'object', blob?: ArrayBuffer }, tx?: number }
 *   | { id: number, op: 'exec', sql: string, tx?: number }
 *   | { id: number, op: 'begin' }
 *   | { id: number, op: 'commit' | 'rollback', tx: number }
 *   | { id: number, op: 'dump', compression?: 'none' | 'gzip' | 'auto' }
 *   | { id: number, op: 'listen', channel: string }
 *   | { id: number, op: 'close' }} Request
 */

/** @param {Request} request @returns {Promise<{ message: object, transfer?: ArrayBuffer[] }>} */
async function handle(request) {
  switch (request.op) {
    case 'query': {
      const on = request.tx ? openTransaction(request.tx).tx : pglite;
      const { blob, ...rest } = request.options ?? {};
      const result = await on.query(request.sql, request.params, { ...rest, ...(blob ? { blob: new Blob([blob]) } : {}) });
      const out = result.blob ? await result.blob.arrayBuffer() : undefined;
      return {
        message: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows, blob: out },
        transfer: out ? [out] : [],
      };
    }
    case 'exec': {
      const on = request.tx ? openTransaction(request.tx).tx : pglite;
      const results = await on.exec(request.sql);
      return { message: { results: results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })) } };
    }
    case 'begin':
      return { message: { tx: await begin() } };
    case 'commit': {
      const open = openTransaction(request.tx);
      open.commit();
      try {
        await open.ended;
      } finally {
        transactions.delete(request.tx);
      }
      return { message: {} };
    }
    case 'rollback': {
      const open = transactions.get(request.tx);
      if (open) {
        open.rollback(ROLLBACK);
        await open.ended.catch(() => {});
        transactions.delete(request.tx);
      }
      return { message: {} };
    }
    case 'listen':
      // PGlite calls the listener as it reads the notifying statement's answer (COMMIT's, for a
      // transaction), before that answer is posted back: the other side hears of a change before
      // the statement that made it returns.
      await pglite.listen(request.channel, (payload) => port.postMessage({ kind: 'notify', channel: request.channel, payload }));
      return { message: {} };
    case 'dump': {
      // Written out first, so the dump holds every committed change in the data files and not
      // only in the log. query() waits for an open transaction to end; dumpDataDir then holds
      // every statement back while it reads the files.
      if (options.dataDir) await pglite.query('CHECKPOINT');
      const dump = await pglite.dumpDataDir(request.compression ?? 'none');
      const bytes = await dump.arrayBuffer();
      return { message: { bytes }, transfer: [bytes] };
    }
    case 'close':
      await pglite.close();
      return { message: {} };
  }
}

/**
 * Opens a transaction in PGlite's exclusive mode (other statements wait until it ends, as
 * they would for a lock) and answers with its id once BEGIN has run.
 * @returns {Promise<number>}
 */
function begin() {
  const id = nextTransaction++;
  return new Promise((resolve, reject) => {
    /** @type {() => void} */
    let commit = () => {};
    /** @type {(e: unknown) => void} */
    let rollback = () => {};
    const finished = new Promise((res, rej) => {
      commit = () => res(undefined);
      rollback = rej;
    });
    let begun = false;
    const ended = pglite.transaction(async (tx) => {
      transactions.set(id, { tx, commit, rollback, ended });
      begun = true;
      resolve(id);
      await finished;
    });
    // Until BEGIN has run, a failure is the begin's own; afterwards commit/rollback report it.
    ended.catch((error) => {
      if (!begun) reject(error);
    });
  });
}

/** @param {number} id */
function openTransaction(id) {
  const open = transactions.get(id);
  if (!open) throw new Error(`No open transaction ${id} on the embedded database`);
  return open;
}

/**
 * A database error crosses the thread as its fields (code, constraint, detail, …), so the
 * other side can rebuild one that code matching on error.code still recognises.
 * @param {unknown} error
 */
function serialiseError(error) {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  /** @type {Record<string, string | number | boolean>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { message: error.message, name: error.name, stack: error.stack, fields };
}
