import { hitRateLimit, type Db } from '@throughline/db';

/**
 * How far one process may run ahead of the shared count, as a share of the limit: it tells the
 * database about its hits in batches of this many (600 a minute: every 30th call), and asks it
 * on every call when the limit is smaller than 20.
 */
const AHEAD_SHARE = 1 / 20;

interface Window {
  start: number;
  /** The window's count in the database when this process last wrote to it. */
  shared: number;
  /** Hits of this process being added to the database right now. */
  sending: number;
  /** Hits of this process not yet in the database. */
  pending: number;
}

export interface RateLimiter {
  hit(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /**
   * Whether `key` is over `limit` in the current window as far as this process knows, without
   * counting a hit: when to retry if so, else null. What it knows of other processes' hits is as
   * of its own last write.
   */
  refusing(key: string, limit: number, windowMs: number, now: Date): { retryAfterSeconds: number } | null;
}

/**
 * A fixed-window rate limit counted in this process and shared through the database in batches,
 * so a busy API token does not write to the database on every call.
 *
 * In one process the count is exact: a call is refused as soon as the window holds more than
 * `limit` hits. Across several processes sharing one database, each counts its own hits and adds
 * them to the shared row every `limit / 20` hits, learning the others' from what comes back; a
 * call is refused once what it knows exceeds the limit. What it knows is never more than the
 * truth, so nothing under the limit is refused, and each process may admit at most `limit / 20`
 * hits the others have not yet seen: N processes admit at most limit × (1 + N / 20) in a window.
 */
export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, Window>();

  const timing = (windowMs: number, now: Date) => {
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
  };

  return {
    refusing(key, limit, windowMs, now) {
      const { start, retryAfterSeconds } = timing(windowMs, now);
      const w = windows.get(key);
      return w && w.start === start && w.shared + w.sending + w.pending > limit ? { retryAfterSeconds } : null;
    },
    async hit(db, key, limit, windowMs, now) {
      const { start, retryAfterSeconds } = timing(windowMs, now);
      let w = windows.get(key);
      if (!w || w.start !== start) {
        // A new window: every key's earlier windows are over, so they go too.
        if (windows.size > 1_000) for (const [k, old] of windows) if (old.start < start) windows.delete(k);
        w = { start, shared: 0, sending: 0, pending: 0 };
        windows.set(key, w);
      }
      w.pending++;
      if (w.shared + w.sending + w.pending > limit) return { allowed: false, retryAfterSeconds };
      if (w.pending <= Math.floor(limit * AHEAD_SHARE)) return { allowed: true, retryAfterSeconds };
      const count = w.pending;
      w.pending = 0;
      w.sending += count;
      try {
        const { hits } = await hitRateLimit(db, key, limit, windowMs, now, count);
        w.shared = Math.max(w.shared, hits);
        return { allowed: hits <= limit, retryAfterSeconds };
      } finally {
        w.sending -= count;
      }
    },
  };
}
