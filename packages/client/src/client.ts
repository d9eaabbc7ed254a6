import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@throughline/api';
import { retryingFetch } from './retrying-fetch.ts';

export interface ThroughlineClientOptions {
  /** Where Throughline runs, e.g. https://throughline.example.com */
  url: string;
  /** An API token (`tl_…`), created by an admin under Organisation → API tokens in the web app; sent as a bearer token. */
  token: string;
  /** The fetch to send requests with; the global one by default. */
  fetch?: typeof fetch;
  /** How often a call refused with 429 or 503 is sent again. Default 3. */
  maxRetries?: number;
}

/** The typed tRPC client for Throughline's API. */
export function createThroughlineClient(options: ThroughlineClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      // One call per request (no batching), so a 429 and its Retry-After belong to exactly
      // one call, and retrying it can never send again a call that already ran.
      httpLink({
        url: `${options.url.replace(/\/+$/, '')}/trpc`,
        headers: { authorization: `Bearer ${options.token}` },
        fetch: retryingFetch({ fetch: options.fetch, maxRetries: options.maxRetries }),
      }),
    ],
  });
}

export type ThroughlineClient = ReturnType<typeof createThroughlineClient>;
