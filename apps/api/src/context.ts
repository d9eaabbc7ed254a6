import type { Db } from '@throughline/db';
import type { Actor } from '@throughline/domain';
import type { KpiRefreshSender } from '@throughline/jobs';
import { createCredentialCache, type CredentialCache } from './auth/credential-cache.ts';
import { createRateLimiter, type RateLimiter } from './limits/rate-limiter.ts';
import { logNotifier, type Notifier } from './notify/notifier.ts';
import { ViewCache } from './view-cache.ts';

/** What a procedure may do to the response's cookies; tests pass a recorder. */
export interface SessionCookies {
  /** The session token the request carried, if any. */
  readonly token: string | null;
  set(token: string, maxAgeMs: number): void;
  clear(): void;
}

/** Request budgets; tests lower them to see them bite. */
export interface Limits {
  signInPerIpPerMinute: number;
  tokenRequestsPerMinute: number;
  /**
   * Unknown (or revoked, or expired) bearer tokens one address may present a minute; past it,
   * every bearer request from there is refused until the minute ends. DEFAULT_LIMITS' when absent.
   */
  unknownTokensPerIpPerMinute?: number;
}

export const DEFAULT_LIMITS = { signInPerIpPerMinute: 10, tokenRequestsPerMinute: 600, unknownTokensPerIpPerMinute: 30 } satisfies Limits;

/** The inner context: everything a procedure needs, buildable by tests without HTTP. */
export interface Context {
  db: Db;
  actor: Actor | null;
  cookies: SessionCookies;
  now: () => Date;
  clientIp: string;
  /** Where people open the web app; links in invitations and resets point here. */
  publicUrl: string;
  notifier: Notifier;
  limits: Limits;
  /** Queues refreshes of the KPIs an ingest fed; null where no worker queue is reachable (tests that need none). */
  kpiRefresh: KpiRefreshSender | null;
  /** Server-side messages that are no caller's business, e.g. a refresh that could not be queued. */
  log: (message: string) => void;
  /** Views built from stored results, shared by every request this process serves. */
  views: ViewCache;
  /** This process's memory of who sessions and tokens belong to; whatever ends or changes one forgets it here. */
  credentials: CredentialCache;
  /** API tokens' request budgets, counted here and shared through the database in batches. */
  rateLimiter: RateLimiter;
}

export function createInnerContext(opts: Partial<Context> & { db: Db }): Context {
  return {
    actor: null,
    cookies: recordingCookies(null),
    now: () => new Date(),
    clientIp: '127.0.0.1',
    publicUrl: 'http://127.0.0.1:3000',
    notifier: logNotifier(() => {}),
    limits: DEFAULT_LIMITS,
    kpiRefresh: null,
    log: () => {},
    views: new ViewCache(),
    credentials: createCredentialCache(),
    rateLimiter: createRateLimiter(),
    ...opts,
  };
}

/** Cookies that remember what was set, for tests and for calls made without HTTP. */
export function recordingCookies(token: string | null): SessionCookies & { written: string | null | undefined } {
  return {
    token,
    written: undefined,
    set(t) {
      this.written = t;
    },
    clear() {
      this.written = null;
    },
  };
}
