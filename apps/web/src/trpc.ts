import { hashKey, MutationCache, QueryCache, QueryClient, type Mutation } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@throughline/api';
import { refreshesAfter } from './mutation-refresh.ts';

/** The API's most calls per batched request (apps/api MAX_BATCH_SIZE). */
const MAX_BATCH_SIZE = 50;

/** Client errors (4xx) will not get better by asking again; server and network errors might. */
function isClientError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

/**
 * After a change, the queries on screen are fetched again (in one batched request) before the
 * mutation counts as done, so whatever its handlers show next is current; the rest are marked
 * stale and fetched when next shown. Returned, so the mutation waits for it.
 */
function refreshAfter(mutation: Mutation<unknown, unknown, unknown, unknown>, error: unknown): Promise<void> | undefined {
  return refreshesAfter(mutation.options.mutationKey, error) ? queryClient.invalidateQueries() : undefined;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that lapses mid-visit: ask again who is signed in; the shell then sends the
    // person to the sign-in page instead of showing an error on every panel.
    onError: (error, query) => {
      const meKey = trpc.auth.me.queryKey();
      if (isUnauthorized(error) && query.queryHash !== hashKey(meKey)) {
        void queryClient.invalidateQueries({ queryKey: meKey });
      }
    },
  }),
  // Every change refreshes in one place, not component by component (see mutation-refresh.ts).
  mutationCache: new MutationCache({
    onSuccess: (_data, _variables, _context, mutation) => refreshAfter(mutation, null),
    onError: (error, _variables, _context, mutation) => refreshAfter(mutation, error),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// Same origin as the API, so the HttpOnly session cookie travels with every request.
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_SIZE })],
});

/**
 * Query and mutation options for every procedure. A single-page app has one QueryClient for
 * its lifetime, so a module singleton (rather than a React context) is enough.
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
