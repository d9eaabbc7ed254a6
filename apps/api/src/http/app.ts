import { existsSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { parseCookie, stringifySetCookie } from 'cookie';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { TRPCError } from '@trpc/server';
import compression from 'compression';
import helmet from 'helmet';
import { sql } from 'kysely';
import { databaseUnavailable, stampsReadEachTime, type Db, type OrganisationStamps } from '@throughline/db';
import { DomainError, type Actor } from '@throughline/domain';
import type { KpiRefreshSender } from '@throughline/jobs';
import { createCredentialCache, type CredentialCache } from '../auth/credential-cache.ts';
import { hashSecret, SESSION_COOKIE, SESSION_IDLE_MS } from '../auth/session-token.ts';
import { ViewCache } from '../view-cache.ts';
import { createRateLimiter, type RateLimiter } from '../limits/rate-limiter.ts';
import { DEFAULT_LIMITS, type Context, type Limits, type SessionCookies } from '../context.ts';
import { logNotifier, type Notifier } from '../notify/notifier.ts';
import { appRouter } from '../router.ts';
import { unavailableAsTransportError } from '../trpc.ts';
import type { ErrorBody } from './error-body.schema.ts';
import { buildOpenApiDocument, INTEGRATOR_OPERATIONS } from './openapi-document.ts';
import { scorecardExport } from './scorecard-export.ts';
import { answerSending, AnswerStore, contextMadeFor, keptAnswers } from './kept-answers.ts';
import { trpcMiddleware } from './trpc-middleware.ts';

/** Largest request body accepted anywhere; ingestion batches are documented against it. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Most procedure calls one batched tRPC request may carry. */
export const MAX_BATCH_SIZE = 50;

export interface AppOptions {
  db: Db;
  /** Folder holding the built web app; served with an SPA fallback when it exists. */
  webDist?: string | undefined;
  /** Behind TLS: cookies only over HTTPS, and the CSP has browsers upgrade plain requests. */
  cookieSecure?: boolean;
  /**
   * Who may say, in X-Forwarded-For and X-Forwarded-Proto, where a request came from: Express's
   * `trust proxy` addresses, ranges and names (loopback, linklocal, uniquelocal). None by default,
   * so a client cannot pick the address its rate limits and audit events are kept under.
   */
  trustProxy?: readonly string[];
  /** Extra readiness checks, e.g. that the worker's queue is up. */
  isReady?: () => boolean;
  /**
   * Whether the database can serve, for /readyz; SELECT 1 when absent. The embedded database
   * answers from its thread's state, so /readyz does not wait behind a long statement.
   */
  ping?: () => Promise<void>;
  now?: () => Date;
  log?: (message: string) => void;
  /**
   * Where people open the web app, for links in invitations and password resets. Absent: the
   * address the request arrived at as the listening socket sees it (on a loopback HOST, e.g.
   * http://127.0.0.1:3000), never a request header, which whoever sends the request chooses.
   */
  publicUrl?: string | undefined;
  notifier?: Notifier;
  limits?: Limits;
  /** Where an ingest queues refreshes of the KPIs it fed; without one, KPIs wait for their schedules. */
  kpiRefresh?: KpiRefreshSender;
  /** How organisations' stamps are read (organisationStamps); from the database on every call when absent. */
  stamps?: OrganisationStamps;
}

export function createApp(opts: AppOptions): express.Express {
  const log = opts.log ?? ((m: string) => console.error(m));
  const now = opts.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy?.length ? [...opts.trustProxy] : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Over plain HTTP (any host but 127.0.0.1, which browsers exempt) upgrading would
          // send every script and style request to an HTTPS nobody serves: a blank page.
          'upgrade-insecure-requests': opts.cookieSecure ? [] : null,
        },
      },
    }),
  );

  // Built once per app, not per call: what every request's context shares.
  const shared: Shared = {
    credentials: createCredentialCache(),
    views: new ViewCache(),
    rateLimiter: createRateLimiter(),
    notifier: opts.notifier ?? logNotifier(opts.log),
    log,
    now,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure ?? false, path: '/' },
  };
  const context = (req: Request, res: Response) => contextMadeFor(res) ?? createHttpContext(opts, shared, req, res);
  // The reads pages repeat, sent again as they were while the organisation's rows are unchanged.
  // First in line: it compresses what it sends itself (once per answer), and hands anything
  // else on to the rest below.
  const stamps = opts.stamps ?? stampsReadEachTime(opts.db);
  app.use('/trpc', keptAnswers({ router: appRouter, context, now, answers: new AnswerStore(), stamps }));

  // Answers and assets compressed (brotli when the browser takes it, else gzip); small ones as they are.
  // A client that takes no encoding (a script, a load generator) skips the middleware: it would send
  // the answer as it is anyway, after wrapping the response and negotiating on every call.
  const compress = compression({ threshold: 1024 });
  app.use((req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next()));

  // Built once: it depends on the router's schemas only. Public, so tools can fetch it without a token.
  const openApi = buildOpenApiDocument({ router: appRouter, operations: INTEGRATOR_OPERATIONS, maxBodyBytes: MAX_BODY_BYTES });
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await (opts.ping ? opts.ping() : sql`SELECT 1`.execute(opts.db));
      const ready = opts.isReady?.() ?? true;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.get('/export/scorecard.csv', scorecardExport('csv', context));
  app.get('/export/scorecard.pdf', scorecardExport('pdf', context));

  // Mutations only as JSON: a browser form cannot send that cross-site, so no form-based CSRF.
  app.use('/trpc', (req, res, next) => {
    if (req.method === 'POST' && !req.is('application/json')) {
      res.status(415).json({ error: { message: 'Send requests as application/json', code: 'UNSUPPORTED_MEDIA_TYPE' } } satisfies ErrorBody);
      return;
    }
    next();
  });
  // Read as text and handed to tRPC, which parses it once. Parsed here (express.json), tRPC
  // would turn it back into a string and parse that again: a third of an ingest batch's CPU.
  // Over the limit is still a 413 from here; malformed JSON is tRPC's 400 PARSE_ERROR.
  app.use('/trpc', express.text({ type: 'application/json', limit: MAX_BODY_BYTES }));
  app.use(
    '/trpc',
    trpcMiddleware({
      router: appRouter,
      sending: (req, res, status, body) => {
        // A call that may have changed something: no stamp kept from before it answers a read after it.
        if (req.method !== 'GET') stamps.forgetAll();
        return answerSending(res, status, body);
      },
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize: MAX_BODY_BYTES,
      // Building the context reads the session or token: a cut connection there is a 503 too.
      createContext: ({ req, res }) =>
        context(req, res).catch((error: unknown) => {
          throw unavailableAsTransportError(error);
        }),
      // A refused-for-rate call says when to come back.
      responseMeta: ({ errors }) => {
        const wait = errors
          .map((e) => (e.cause as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds)
          .find((s) => s !== undefined);
        return wait === undefined ? {} : { headers: new Headers({ 'Retry-After': String(wait) }) };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log(`[api] ${path ?? '?'} failed: ${error.cause?.stack ?? error.stack}`);
      },
    }),
  );

  if (opts.webDist && existsSync(join(opts.webDist, 'index.html'))) {
    const webDist = opts.webDist;
    // Vite names every built asset by its content's hash, so those never change: cached for a year
    // and never revalidated. Anything else in the build (icons and the like) for an hour.
    app.use(
      express.static(webDist, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (/[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // Client-side routes: every other GET that wants HTML gets the app. A missing asset (a chunk
    // of an earlier release, asked for by a tab opened before it) is a 404, not the page: a
    // browser asking for a script accepts anything, and would get HTML it cannot run.
    app.get(/^\/(?!trpc\/|healthz|readyz|export\/|assets\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(join(webDist, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
  }

  app.use(jsonErrors(log));
  return app;
}

interface Shared {
  credentials: CredentialCache;
  views: ViewCache;
  rateLimiter: RateLimiter;
  notifier: Notifier;
  log: (message: string) => void;
  now: () => Date;
  cookieOptions: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' };
}

/**
 * The actor behind a bearer token. Unknown tokens are counted per address; once an address has
 * presented more than its limit in a minute, every bearer request from it is refused (429 with
 * Retry-After) until the minute ends, before any lookup: guessing gets nowhere, and costs the
 * database nothing more.
 */
async function bearerActor(opts: AppOptions, shared: Shared, bearer: string, clientIp: string, res: Response): Promise<Actor | null> {
  const limit = opts.limits?.unknownTokensPerIpPerMinute ?? DEFAULT_LIMITS.unknownTokensPerIpPerMinute;
  const key = `unknown-token:ip:${clientIp}`;
  const refuse = (retryAfterSeconds: number) => {
    // Set here too: the scorecard export answers context errors itself, without tRPC's response meta.
    res.setHeader('Retry-After', String(retryAfterSeconds));
    const cause = new DomainError(
      'TOO_MANY_REQUESTS',
      'Too many requests with unknown API tokens from this address; wait and try again',
      [],
      retryAfterSeconds,
    );
    return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
  };
  const refusing = shared.rateLimiter.refusing(key, limit, 60_000, shared.now());
  if (refusing) throw refuse(refusing.retryAfterSeconds);
  const actor = await shared.credentials.token(opts.db, hashSecret(bearer), shared.now());
  if (actor) return actor;
  const hit = await shared.rateLimiter.hit(opts.db, key, limit, 60_000, shared.now());
  if (!hit.allowed) throw refuse(hit.retryAfterSeconds);
  return null;
}

async function createHttpContext(opts: AppOptions, shared: Shared, req: Request, res: Response): Promise<Context> {
  const { credentials, now, cookieOptions } = shared;
  const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  // A bearer token wins over a cookie: integrators never hold sessions.
  let actor: Actor | null = null;
  if (bearer) actor = await bearerActor(opts, shared, bearer, clientIp, res);
  else if (token) actor = (await credentials.session(opts.db, hashSecret(token), now(), SESSION_IDLE_MS)) ?? null;
  const cookies: SessionCookies = {
    token,
    set: (value, maxAgeMs) =>
      res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value, ...cookieOptions, maxAge: Math.floor(maxAgeMs / 1000) })),
    clear: () => res.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: '', ...cookieOptions, maxAge: 0 })),
  };
  return {
    db: opts.db,
    actor,
    cookies,
    now,
    clientIp,
    publicUrl: opts.publicUrl ?? listeningUrl(req),
    notifier: shared.notifier,
    limits: opts.limits ?? DEFAULT_LIMITS,
    kpiRefresh: opts.kpiRefresh ?? null,
    log: shared.log,
    credentials,
    rateLimiter: shared.rateLimiter,
    views: shared.views,
  };
}

/** The socket's own address, e.g. http://127.0.0.1:3000 or http://[::1]:3000. */
function listeningUrl(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = isIPv6(address) ? (address.startsWith('::ffff:') ? address.slice(7) : `[${address}]`) : address;
  return `http://${host}:${req.socket.localPort}`;
}

/** Body-parser and other HTTP-level failures as JSON, with no internals. */
function jsonErrors(log: (m: string) => void): ErrorRequestHandler {
  return (error: { status?: number; type?: string; stack?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (databaseUnavailable(error)) {
      res.status(503).setHeader('Retry-After', '1');
      res.json({
        error: { message: 'The database is briefly unavailable; send the request again', code: 'SERVICE_UNAVAILABLE' },
      } satisfies ErrorBody);
      return;
    }
    const status = error.status ?? 500;
    if (status >= 500) log(`[api] unhandled: ${error.stack ?? inspect(error)}`);
    const message =
      error.type === 'entity.too.large'
        ? `Request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`
        : status < 500
          ? 'Malformed request body'
          : 'Something went wrong on our side. It has been logged.';
    res.status(status).json({
      error: { message, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
    } satisfies ErrorBody);
  };
}
