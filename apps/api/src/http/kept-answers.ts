import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AnyTRPCRouter } from '@trpc/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { OrganisationStamps } from '@throughline/db';
import { dayIn, roleReach, type Actor } from '@throughline/domain';
import type { Context } from '../context.ts';
import type { ProcedureMeta } from '../trpc.ts';

/**
 * Answers kept as the bytes they were sent as, for the reads a page makes again and again.
 *
 * A procedure opts in with `kept` in its meta:
 * - `'stored'`: its answer follows from the organisation's rows and the organisation's day (lists,
 *   the KPI dashboard and results, which read precomputed results). Kept under the organisation's
 *   stamp (a counter the database moves whenever a transaction that changed the organisation's rows
 *   commits; see migration 0014), its day, the caller's reach for the permission, and the input.
 * - `'actor'`: its answer is the caller's own identity (`auth.me`): kept under that identity.
 *
 * A GET whose calls all opt in is answered by this handler: the caller is authenticated as for any
 * call (sessions and tokens through the credential cache), the stamp is read (one primary-key
 * read), and when every call's answer is kept the kept bytes go out, compressed once per set of
 * answers. Anything else — a call refused for its role or scopes, a token (its every call counts
 * against its budget), an answer not kept yet — goes through tRPC as usual, and a successful
 * answer is kept on its way out. An answer is never served after its organisation's rows have
 * changed: the stamp is read before the answer is built, so an answer kept under stamp S was built
 * from rows at least as new as S, and S is gone from every later read once a change commits.
 */
export interface KeptAnswersOptions {
  router: AnyTRPCRouter;
  context: (req: Request, res: Response) => Promise<Context>;
  now: () => Date;
  answers: AnswerStore;
  /** Organisations' stamps and time zones: read each time, or kept until a change is announced. */
  stamps: OrganisationStamps;
}

type Kept = NonNullable<ProcedureMeta['kept']>;

interface Call {
  path: string;
  /** The call's input as the URL gave it, re-serialised (so equal inputs give equal keys). */
  input: string;
  value: unknown;
  kept: Kept;
  access: ProcedureMeta['access'];
}

/** Told of an answer tRPC is about to send: keeps it, and may put it back together with kept ones. */
export type AnswerSending = (status: number, body: Buffer) => { status: number; body: Buffer } | undefined;

const KEEP = Symbol('keep-answer');
/** Longest a request waits for answers another request is building before it builds them itself. */
const BUILD_WAIT_MS = 3_000;
/** Memory for what each address asked for names (addresses are short; a few thousand fit). */
const CALLS_BY_URL_BYTES = 2 * 1024 * 1024;
type WithKeep = Response & { [KEEP]?: AnswerSending; locals: { context?: Promise<Context> } };

/** The tRPC handler calls this with every answer before it sends it, and sends what it returns instead if anything. */
export function answerSending(res: Response, status: number, body: Buffer): { status: number; body: Buffer } | undefined {
  return (res as WithKeep)[KEEP]?.(status, body);
}

/** The context this handler already made for the request, if it made one: a request authenticates once. */
export function contextMadeFor(res: Response): Promise<Context> | undefined {
  return (res as WithKeep).locals.context;
}

export function keptAnswers(opts: KeptAnswersOptions): RequestHandler {
  const procedures = opts.router._def.procedures as Record<string, { _def: { type: string; meta?: ProcedureMeta } } | undefined>;
  // The same few addresses are asked for again and again: what each names is worked out once.
  const callsByUrl = new Lru<Call[] | null>();
  return (req, res, next) => {
    if (req.method !== 'GET') return next();
    let calls = callsByUrl.get(req.url);
    if (calls === undefined) {
      calls = callsOf(req, procedures);
      callsByUrl.set(req.url, calls, req.url.length * 2, CALLS_BY_URL_BYTES);
    }
    if (!calls) return next();
    answer(req, res as WithKeep, calls, next).catch(next);
  };

  async function answer(req: Request, res: WithKeep, calls: Call[], next: NextFunction) {
    const made = opts.context(req, res);
    res.locals.context = made;
    // A context that cannot be made (a refused address, the database unreachable) is tRPC's to
    // answer, as it answers any call: it gets the same outcome from contextMadeFor.
    const actor = await made.then(
      (ctx) => ctx.actor,
      () => undefined,
    );
    if (actor?.kind !== 'member') return next();
    const reaches = calls.map((c) => (c.access === 'public' ? 'public' : roleReach(actor.role, c.access)));
    if (reaches.some((r) => r === null)) return next();
    const read = await opts.stamps.read(actor.organisationId).catch(() => null);
    // The database unreachable: tRPC answers it as for any call (a 503 the client sends again).
    if (!read) return next();
    const { timeZone, stamp } = read;
    const day = dayIn(timeZone, opts.now());
    const keys = calls.map((c, i) =>
      c.kept === 'actor'
        ? `actor\u0000${identityOf(actor)}\u0000${c.path}\u0000${c.input}`
        : `stored\u0000${actor.organisationId}\u0000${stamp}\u0000${day}\u0000${reaches[i]}\u0000${c.path}\u0000${c.input}`,
    );
    const batch = req.query.batch === '1';
    let items = keys.map((k) => opts.answers.item(k));
    // Answers another request is building right now (fifty people after a change): wait for them.
    const inBuild = keys.flatMap((k, i) => (items[i] === undefined ? (opts.answers.building(k) ?? []) : []));
    if (inBuild.length > 0) {
      // Bounded: whatever becomes of the other request, this one is never held past a few seconds.
      await Promise.race([Promise.all(inBuild), new Promise((resolve) => setTimeout(resolve, BUILD_WAIT_MS).unref())]);
      items = keys.map((k) => opts.answers.item(k));
    }
    if (items.every((i): i is string => i !== undefined)) {
      await send(req, res, keys, batch, () => (batch ? `[${items.join(',')}]` : items[0]!));
      return;
    }
    // Only what is missing goes through tRPC, as a batch of its own; the answer is put back
    // together in the order asked, kept answers in their places.
    const missing = keys.flatMap((k, i) => (items[i] === undefined ? [i] : []));
    const built = opts.answers.startBuilding(missing.map((i) => keys[i]!));
    res.once('close', built.done);
    if (batch && missing.length < calls.length) {
      const input = Object.fromEntries(missing.map((i, j) => [j, calls[i]!.value]));
      req.url = `/${missing.map((i) => calls[i]!.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
      req.originalUrl = `${req.baseUrl}${req.url}`;
    }
    res[KEEP] = (_status, body) => {
      try {
        // Whatever the status (a failed call makes a whole batch's 500), a batch answer is put back
        // together, so the caller gets one answer per call it asked; only results are kept.
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return undefined;
        }
        const answered = batch ? (parsed as unknown[]) : [parsed];
        if (!Array.isArray(answered) || answered.length !== missing.length) return undefined;
        const whole = [...items];
        answered.forEach((a, j) => {
          const json = JSON.stringify(a);
          whole[missing[j]!] = json;
          if (a && typeof a === 'object' && 'result' in a) opts.answers.keepItem(keys[missing[j]!]!, json);
        });
        if (!batch || missing.length === calls.length) return undefined;
        const allAnswered = answered.every((a) => a && typeof a === 'object' && 'result' in a);
        return { status: allAnswered ? 200 : 207, body: Buffer.from(`[${whole.join(',')}]`) };
      } finally {
        built.done();
      }
    };
    next();
  }

  /** Sends the answers; the body is put together only when no compressed form of it is kept. */
  async function send(req: Request, res: Response, keys: string[], batch: boolean, bodyOf: () => string) {
    const accepted = req.headers['accept-encoding'] ? req.acceptsEncodings('br', 'gzip', 'identity') : false;
    const chosen = accepted === 'br' || accepted === 'gzip' ? accepted : 'identity';
    // A call asked alone is answered as itself, in a batch as a list: two bodies for the same answers.
    const encodedKey = `${chosen}\u0000${batch ? 'batch' : 'alone'}\u0000${keys.join('\u0001')}`;
    let bytes = chosen === 'identity' ? undefined : opts.answers.encodedIfKept(encodedKey);
    let encoding = bytes ? chosen : 'identity';
    if (!bytes) {
      const body = bodyOf();
      // Small answers go as they are: compressing them costs more than it saves.
      encoding = body.length < 1024 ? 'identity' : chosen;
      bytes =
        encoding === 'identity' ? Promise.resolve(Buffer.from(body)) : opts.answers.encoded(encodedKey, body, encoding as 'br' | 'gzip');
    }
    const sent = await bytes;
    res.status(200);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', sent.length);
    res.end(sent);
  }
}

/** The calls a GET names, when each is a query that opts in; otherwise null. */
function callsOf(req: Request, procedures: Record<string, { _def: { type: string; meta?: ProcedureMeta } } | undefined>): Call[] | null {
  const paths = req.path.slice(req.path.lastIndexOf('/') + 1).split(',');
  const batch = req.query.batch === '1';
  if (!batch && paths.length !== 1) return null;
  let inputs: unknown;
  try {
    const raw = req.query.input;
    inputs = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    return null;
  }
  const calls: Call[] = [];
  for (const [i, path] of paths.entries()) {
    const def = procedures[path]?._def;
    const kept = def?.meta?.kept;
    if (!def || def.type !== 'query' || !kept) return null;
    const input = batch ? (inputs as Record<string, unknown> | undefined)?.[i] : inputs;
    calls.push({ path, input: JSON.stringify(input ?? null), value: input, kept, access: def.meta!.access });
  }
  return calls;
}

/** Everything `auth.me` answers with, so an identity that changed (a new role, a new name) is a new key. */
function identityOf(actor: Actor): string {
  return JSON.stringify(actor);
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Kept answers and their compressed forms, bounded by size: least recently used first out.
 * Keys carry the stamp, so entries of an earlier stamp are never asked for again and age out.
 */
export class AnswerStore {
  readonly #items = new Lru<string>();
  readonly #encoded = new Lru<Promise<Buffer>>();
  readonly #building = new Map<string, Promise<void>>();

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  item(key: string): string | undefined {
    return this.#items.get(key);
  }

  /** Settles when the request building this answer has sent it (kept or not); undefined when none is. */
  building(key: string): Promise<void> | undefined {
    return this.#building.get(key);
  }

  /** Marks answers as being built until done() (called however the request ends). */
  startBuilding(keys: string[]): { done: () => void } {
    let done = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    const mine = keys.filter((k) => !this.#building.has(k));
    for (const k of mine) this.#building.set(k, finished);
    return {
      done: () => {
        for (const k of mine) if (this.#building.get(k) === finished) this.#building.delete(k);
        done();
      },
    };
  }

  keepItem(key: string, json: string): void {
    this.#items.set(key, json, json.length * 2 + key.length * 2, this.maxBytes / 2);
  }

  /** The body compressed, if it was kept. */
  encodedIfKept(key: string): Promise<Buffer> | undefined {
    return this.#encoded.get(key);
  }

  /** The body compressed, once for as long as the same answers are asked for. */
  encoded(key: string, body: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
    const kept = this.#encoded.get(key);
    if (kept) return kept;
    const made =
      encoding === 'br'
        ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipped(body, { level: 6 });
    // Sized by the body until it is made: the compressed form is smaller.
    this.#encoded.set(key, made, body.length + key.length * 2, this.maxBytes / 2);
    made.catch(() => this.#encoded.delete(key));
    return made;
  }
}

/** A map in use order that drops its oldest entries past a byte budget. */
class Lru<T> {
  readonly #map = new Map<string, { value: T; bytes: number }>();
  #bytes = 0;

  get size(): number {
    return this.#map.size;
  }

  get(key: string): T | undefined {
    const entry = this.#map.get(key);
    if (!entry) return undefined;
    this.#map.delete(key);
    this.#map.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, bytes: number, budget: number): void {
    this.delete(key);
    this.#map.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#map) {
      if (this.#bytes <= budget) break;
      this.#map.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#map.get(key);
    if (!entry) return;
    this.#map.delete(key);
    this.#bytes -= entry.bytes;
  }
}
