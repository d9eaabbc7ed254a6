import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZId, ZInsightSource, type InsightSearch } from '@throughline/domain';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { trpc } from '../trpc.ts';

/** Long enough to finish a word, short enough that results follow the typing. */
const SEARCH_PAUSE_MS = 300;
/** More than a page of reading; narrowing the search beats scrolling further. */
export const RESULT_LIMIT = 100;

export interface InsightFilters {
  journey: string;
  source: string;
  fp: string;
}

const NO_FILTERS: InsightFilters = { journey: '', source: '', fp: '' };

/** The address's filters, with anything malformed (a hand-edited link) dropped rather than refused by the API. */
function filtersFrom(params: URLSearchParams): InsightFilters {
  const id = (value: string | null) => (value && ZId.safeParse(value).success ? value : '');
  const source = params.get('source');
  return {
    journey: id(params.get('journey')),
    source: source && ZInsightSource.safeParse(source).success ? source : '',
    fp: id(params.get('fp')),
  };
}

function searchInput(query: string, f: InsightFilters): InsightSearch {
  const source = ZInsightSource.safeParse(f.source);
  return {
    ...(query ? { query } : {}),
    ...(f.journey ? { journeyId: f.journey } : {}),
    ...(source.success ? { source: source.data } : {}),
    ...(f.fp ? { failurePointId: f.fp } : {}),
    limit: RESULT_LIMIT,
  };
}

/**
 * The insight search: what is typed, the filters, and the results. The address carries the
 * settled search (?q=…&journey=…), so a search can be shared, reloaded or returned to.
 */
export function useInsightSearch() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const query = useDebouncedValue(text.trim(), SEARCH_PAUSE_MS);

  useEffect(() => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const key of ['journey', 'source', 'fp'] as const) if (filters[key]) next.set(key, filters[key]);
    // Only when it differs: navigating to the same search would drop a #insight-… target.
    if (next.toString() !== params.toString()) setParams(next, { replace: true, preventScrollReset: true });
  }, [query, filters, params, setParams]);

  const results = useQuery({ ...trpc.insight.search.queryOptions(searchInput(query, filters)), placeholderData: keepPreviousData });

  return {
    text,
    setText,
    /** The words the results are for: the typed text once typing pauses. */
    query,
    filters,
    setFilter: (name: keyof InsightFilters, value: string) => setFilters((f) => ({ ...f, [name]: value })),
    clear: () => {
      setText('');
      setFilters(NO_FILTERS);
    },
    narrowed: query !== '' || Object.values(filters).some(Boolean),
    /** Typing has run ahead of the results shown. */
    pending: text.trim() !== query || results.isPlaceholderData,
    results,
  };
}
