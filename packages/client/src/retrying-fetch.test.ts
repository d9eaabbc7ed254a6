import { afterEach, describe, expect, it } from 'vitest';
import { createThroughlineClient } from './client.ts';
import { retryingFetch, type RetryNotice } from './retrying-fetch.ts';
import { closedPort, startTestServer, trpcError, type Reply, type TestServer } from './testing/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers the scripted replies in order, then 200 to everything after. */
async function serve(...replies: Reply[]) {
  server = await startTestServer((_req, i) => replies[i] ?? { status: 200, json: { ok: true } });
  return server;
}

const gap = (s: TestServer, i: number) => s.requests[i + 1]!.at - s.requests[i]!.at;
const post = (body: string) => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('retryingFetch, against a real HTTP server', () => {
  it('waits out a 429 for as long as Retry-After says, then sends the request again once', async () => {
    const s = await serve({ status: 429, headers: { 'retry-after': '1' } });
    const notices: RetryNotice[] = [];
    const res = await retryingFetch({ onRetry: (n) => notices.push(n) })(`${s.url}/trpc/ingest.surveyResponses`, post('{"n":1}'));
    expect(res.status).toBe(200);
    expect(s.requests).toHaveLength(2);
    expect(gap(s, 0)).toBeGreaterThanOrEqual(1000);
    // A 429 means the call was not processed, so a mutation goes again, body and all.
    expect(s.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', '{"n":1}'],
      ['POST', '{"n":1}'],
    ]);
    expect(notices).toEqual([{ retry: 1, delayMs: 1000, reason: 429 }]);
  });

  it('waits out a 503 the same way', async () => {
    const s = await serve({ status: 503, headers: { 'retry-after': '1' } });
    const res = await retryingFetch()(`${s.url}/trpc/kpi.list`);
    expect(res.status).toBe(200);
    expect(s.requests).toHaveLength(2);
    expect(gap(s, 0)).toBeGreaterThanOrEqual(1000);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    // HTTP dates have whole seconds, so "two seconds from now" is more than one second away.
    const s = await serve({ status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } });
    const res = await retryingFetch()(s.url);
    expect(res.status).toBe(200);
    expect(s.requests).toHaveLength(2);
    expect(gap(s, 0)).toBeGreaterThanOrEqual(950);
  });

  it('backs off on its own when there is no Retry-After', async () => {
    const s = await serve({ status: 503 }, { status: 503 });
    const notices: RetryNotice[] = [];
    const res = await retryingFetch({ baseDelayMs: 40, onRetry: (n) => notices.push(n) })(s.url);
    expect(res.status).toBe(200);
    expect(s.requests).toHaveLength(3);
    expect(notices.map((n) => n.delayMs)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(20);
    expect(notices[1]!.delayMs).toBeGreaterThanOrEqual(40);
    expect(gap(s, 0)).toBeGreaterThanOrEqual(20);
  });

  it('never retries another status', async () => {
    for (const status of [400, 401, 403, 413, 500, 502]) {
      const s = await serve({ status });
      const res = await retryingFetch()(s.url, post('{}'));
      expect([status, res.status, s.requests.length]).toEqual([status, status, 1]);
      await s.close();
    }
  });

  it('gives up after maxRetries and hands back the last refusal', async () => {
    const s = await startTestServer(() => ({
      status: 429,
      headers: { 'retry-after': '0' },
      json: trpcError(429, 'TOO_MANY_REQUESTS', 'slow down'),
    }));
    server = s;
    const res = await retryingFetch({ maxRetries: 2 })(s.url, post('{}'));
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { data: { code: 'TOO_MANY_REQUESTS' } } });
    expect(s.requests).toHaveLength(3);
  });

  it('does not cut a long Retry-After short: past maxDelayMs it stops retrying', async () => {
    const s = await serve({ status: 429, headers: { 'retry-after': '120' } });
    const started = performance.now();
    const res = await retryingFetch({ maxDelayMs: 60_000 })(s.url);
    expect([res.status, res.headers.get('retry-after'), s.requests.length]).toEqual([429, '120', 1]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never sends a mutation again when the connection broke after it was sent', async () => {
    const s = await serve('hang-up');
    await expect(retryingFetch({ baseDelayMs: 10 })(s.url, post('{}'))).rejects.toThrow();
    expect(s.requests).toHaveLength(1);
  });

  it('sends a read again when the connection broke', async () => {
    const s = await serve('hang-up');
    const res = await retryingFetch({ baseDelayMs: 10 })(s.url);
    expect(res.status).toBe(200);
    expect(s.requests).toHaveLength(2);
  });

  it('retries a mutation whose connection was refused, since it never arrived', async () => {
    const notices: RetryNotice[] = [];
    const url = `http://127.0.0.1:${await closedPort()}/trpc/ingest.surveyResponses`;
    await expect(retryingFetch({ baseDelayMs: 10, maxRetries: 2, onRetry: (n) => notices.push(n) })(url, post('{}'))).rejects.toThrow();
    expect(notices.map((n) => n.retry)).toEqual([1, 2]);
  });

  it('stops waiting when the caller aborts', async () => {
    const s = await serve({ status: 429, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    // The caller gives up once the client is waiting out the 429, whenever that is on a busy machine.
    const waiting = retryingFetch({ onRetry: () => controller.abort(new Error('gave up')) })(s.url, { signal: controller.signal });
    await expect(waiting).rejects.toThrow('gave up');
    expect(s.requests).toHaveLength(1);
  });
});

describe('createThroughlineClient', () => {
  it('sends the bearer token and rides out a 429 on a real tRPC call', async () => {
    const kpis = [{ key: 'nps' }];
    const s = await serve(
      { status: 429, headers: { 'retry-after': '1' }, json: trpcError(429, 'TOO_MANY_REQUESTS', 'slow down') },
      { status: 200, json: { result: { data: kpis } } },
    );
    const client = createThroughlineClient({ url: `${s.url}/`, token: 'tl_secret' });
    expect(await client.kpi.list.query()).toEqual(kpis);
    expect(s.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ['GET', '/trpc/kpi.list', 'Bearer tl_secret'],
      ['GET', '/trpc/kpi.list', 'Bearer tl_secret'],
    ]);
    expect(gap(s, 0)).toBeGreaterThanOrEqual(1000);
  });

  it('surfaces a refusal it will not retry as a TRPCClientError with the API code', async () => {
    const s = await serve({ status: 403, json: trpcError(403, 'FORBIDDEN', "This token's scopes do not allow kpi.read") });
    const client = createThroughlineClient({ url: s.url, token: 'tl_secret', maxRetries: 5 });
    await expect(client.kpi.list.query()).rejects.toMatchObject({
      message: "This token's scopes do not allow kpi.read",
      data: { code: 'FORBIDDEN' },
    });
    expect(s.requests).toHaveLength(1);
  });
});
