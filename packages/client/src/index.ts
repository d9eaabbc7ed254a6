import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@throughline/api';

export type { AppRouter };

export interface ThroughlineClientOptions {
  /** Where Throughline runs, e.g. https://throughline.example.com */
  url: string;
  /** A session cookie value or, once API tokens exist, a bearer token. */
  token?: string;
  fetch?: typeof fetch;
}

/** The typed tRPC client for Throughline's API. */
export function createThroughlineClient(options: ThroughlineClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/$/, '')}/trpc`,
        maxItems: 50,
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
