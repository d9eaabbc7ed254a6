import { ZPeriodParams, type PeriodParams } from '@throughline/domain';

/** The address parameters a period choice is kept in, so reload, back and a shared link keep it. */
export const PERIOD_KEYS = ['period', 'from', 'to'] as const;

/**
 * The period a page was opened at, read from its address: a chosen period, a from–to range, or
 * neither (the last complete period). An address that does not parse (a hand-edited date, a
 * range given backwards) falls back to the default rather than breaking the page.
 */
export function periodParamsOf(search: URLSearchParams): PeriodParams {
  const raw = Object.fromEntries(PERIOD_KEYS.flatMap((k) => (search.get(k) ? [[k, search.get(k)]] : [])));
  const parsed = ZPeriodParams.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The address with `params` as its period choice, every other parameter (filters) kept. */
export function withPeriodParams(search: URLSearchParams, params: PeriodParams): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const k of PERIOD_KEYS) next.delete(k);
  for (const k of PERIOD_KEYS) {
    const value = params[k];
    if (value) next.set(k, value);
  }
  return next;
}

/** "?period=2026-10-01" or "?from=…&to=…", or "" for the default: for links to the exports. */
export function periodQuery(params: PeriodParams): string {
  const query = withPeriodParams(new URLSearchParams(), params).toString();
  return query ? `?${query}` : '';
}

export function isDefaultPeriod(params: PeriodParams): boolean {
  return !params.period && !params.from && !params.to;
}
