import type { Db } from '@throughline/db';
import type { SessionActor } from '@throughline/domain';

/** What a procedure may do to the response's cookies; tests pass a recorder. */
export interface SessionCookies {
  /** The session token the request carried, if any. */
  readonly token: string | null;
  set(token: string, maxAgeMs: number): void;
  clear(): void;
}

/** The inner context: everything a procedure needs, buildable by tests without HTTP. */
export interface Context {
  db: Db;
  actor: SessionActor | null;
  cookies: SessionCookies;
  now: () => Date;
}

export function createInnerContext(opts: { db: Db; actor?: SessionActor | null; cookies?: SessionCookies; now?: () => Date }): Context {
  return {
    db: opts.db,
    actor: opts.actor ?? null,
    cookies: opts.cookies ?? recordingCookies(null),
    now: opts.now ?? (() => new Date()),
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
