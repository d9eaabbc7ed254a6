import type { PeriodParams } from '@throughline/domain';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { periodParamsOf, withPeriodParams } from './period-params.ts';

/**
 * The period a page shows, kept in its address. Each choice is a new history entry, so Back
 * returns to the period before; other parameters (the filters) are kept as they are.
 */
export function usePeriodParams(): [PeriodParams, (next: PeriodParams) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // Keyed on the address string, so the query keys built from it stay the same between renders.
  const params = useMemo(() => periodParamsOf(new URLSearchParams(key)), [key]);
  return [params, (next) => setSearch((prev) => withPeriodParams(prev, next))];
}
