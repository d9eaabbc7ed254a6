/**
 * How long to wait before asking again. `Retry-After` is either whole seconds or an HTTP date;
 * anything else is ignored (undefined), and the caller falls back to backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP dates start with the day's name; Date.parse alone would also take '1.5' as a date.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff for a server that did not say when to come back: the ceiling doubles per
 * retry up to `maxMs`, and the wait is half the ceiling plus a random half, so many clients
 * refused at once do not all return at the same instant.
 */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return ceiling / 2 + (random() * ceiling) / 2;
}
