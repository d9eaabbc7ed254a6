import { backoffMs, retryAfterMs } from './retry-delay.ts';

/** Statuses that say the server did not process the request, so sending it again is safe. */
const RETRYABLE_STATUSES = new Set([429, 503]);
/** Methods the API only uses for reads (tRPC queries); sending them twice does no harm. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD']);

export interface RetryOptions {
  /** The fetch to wrap; the global one by default. */
  fetch?: typeof fetch;
  /** Attempts after the first one; 0 turns retrying off. Default 3. */
  maxRetries?: number;
  /** First backoff step when the server gives no Retry-After; it doubles per retry. Default 500 ms. */
  baseDelayMs?: number;
  /**
   * Longest wait before one retry. Backoff is capped at it; a Retry-After asking for longer is
   * not cut short but ends the retrying, and the caller gets that 429 or 503. Default 60 s.
   */
  maxDelayMs?: number;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (retry: RetryNotice) => void;
}

export interface RetryNotice {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** The status that was refused, or the network error's message. */
  reason: number | string;
}

/**
 * A fetch that sends a request again when the server answers 429 or 503, waiting as long as
 * its Retry-After says (or a capped, jittered backoff when it says nothing), at most
 * `maxRetries` times. Other statuses come back at once. A network failure is retried only when
 * the request cannot have been processed: for reads, or when the connection was refused.
 */
export function retryingFetch(options: RetryOptions = {}): typeof fetch {
  const inner = options.fetch ?? globalThis.fetch;
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;

  return async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    // A streamed body is gone once sent; such a request is sent once.
    const replayable = !(init?.body instanceof ReadableStream);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);

    for (let retry = 0; ; retry++) {
      const canRetry = replayable && retry < maxRetries;
      let response: Response;
      try {
        response = await inner(input instanceof Request ? input.clone() : input, init);
      } catch (error) {
        if (!canRetry || signal?.aborted || !(IDEMPOTENT_METHODS.has(method) || connectionRefused(error))) throw error;
        const delayMs = backoffMs(retry, baseDelayMs, maxDelayMs);
        options.onRetry?.({ retry: retry + 1, delayMs, reason: error instanceof Error ? error.message : String(error) });
        await sleep(delayMs, signal);
        continue;
      }
      if (!canRetry || !RETRYABLE_STATUSES.has(response.status)) return response;
      const delayMs = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(retry, baseDelayMs, maxDelayMs);
      if (delayMs > maxDelayMs) return response;
      // Free the connection: this answer is not read.
      await response.body?.cancel().catch(() => {});
      options.onRetry?.({ retry: retry + 1, delayMs, reason: response.status });
      await sleep(delayMs, signal);
    }
  };
}

/** True when the server never accepted the connection, so it cannot have seen the request. */
function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } } | undefined)?.cause;
  const errors = cause?.errors ?? [];
  return cause?.code === 'ECONNREFUSED' || (errors.length > 0 && errors.every((e) => e.code === 'ECONNREFUSED'));
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // The caller's own abort reason, passed on as fetch itself does.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
