import { afterEach, describe, expect, it } from 'vitest';
import { createThroughlineClient } from './client.ts';
import { IngestBatchError, ingestOperationalEvents, type OperationalEventInput } from './ingest-batches.ts';
import { startTestServer, trpcError, type TestServer } from './testing/test-server.ts';

const event = (i: number, overrides: Partial<OperationalEventInput> = {}): OperationalEventInput => ({
  source: 'billing',
  externalId: `e-${i}`,
  type: 'revenue',
  value: 100 + i,
  customerId: `C-${i % 50}`,
  journeyId: null,
  stepId: null,
  attributes: { kind: 'renewal' },
  occurredAt: '2026-02-01T10:00:00.000Z',
  ...overrides,
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Speaks the API's wire format for ingest.operationalEvents: a batch holding type 'chrun' is refused whole, naming the row. */
async function fakeEventsApi(hold: (index: number) => Promise<void> = () => Promise.resolve()) {
  const seen = new Set<string>();
  server = await startTestServer(async (req, index) => {
    await hold(index);
    expect(req.url).toBe('/trpc/ingest.operationalEvents');
    const { events } = JSON.parse(req.body) as { events: { externalId: string; type: string }[] };
    const bad = events.findIndex((e) => e.type === 'chrun');
    if (bad >= 0) {
      return {
        status: 400,
        json: trpcError(400, 'BAD_REQUEST', 'Invalid input', [{ path: `events.${bad}.type`, message: "did you mean 'churn'?" }]),
      };
    }
    const inserted = events.filter((e) => !seen.has(e.externalId));
    for (const e of inserted) seen.add(e.externalId);
    return {
      status: 200,
      json: { result: { data: { received: events.length, inserted: inserted.length, duplicates: events.length - inserted.length } } },
    };
  });
  return { server, client: createThroughlineClient({ url: server.url, token: 'tl_test' }) };
}
const batchSizes = (s: TestServer) => s.requests.map((r) => (JSON.parse(r.body) as { events: unknown[] }).events.length);

describe('ingestOperationalEvents', () => {
  it('sends events in batches of 5,000 and adds up the results, a re-send counting as duplicates', async () => {
    const { server, client } = await fakeEventsApi();
    const rows = Array.from({ length: 11_000 }, (_, i) => event(i));
    const progress: number[] = [];
    expect(await ingestOperationalEvents(client, rows, { onProgress: (p) => progress.push(p.received) })).toEqual({
      received: 11_000,
      inserted: 11_000,
      duplicates: 0,
    });
    // Two calls in flight: the last, short batch may arrive before the second full one.
    expect(batchSizes(server).sort((a, b) => b - a)).toEqual([5000, 5000, 1000]);
    expect(progress.at(-1)).toBe(11_000);
    expect(await ingestOperationalEvents(client, rows.slice(0, 250), { batchSize: 100 })).toEqual({
      received: 250,
      inserted: 0,
      duplicates: 250,
    });
  });

  it('keeps two calls in flight by default', async () => {
    let secondArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (secondArrived = resolve));
    const { client } = await fakeEventsApi((index) => (index === 0 ? arrived : (index === 1 && secondArrived(), Promise.resolve())));
    const rows = Array.from({ length: 300 }, (_, i) => event(i));
    expect(await ingestOperationalEvents(client, rows, { batchSize: 100 })).toEqual({ received: 300, inserted: 300, duplicates: 0 });
  });

  it('stops at a refused batch and names its rows and the API’s issues against the rows given', async () => {
    const { server, client } = await fakeEventsApi();
    const rows = Array.from({ length: 250 }, (_, i) => event(i, i === 170 ? { type: 'chrun' } : {}));
    const failed = (await ingestOperationalEvents(client, rows, { batchSize: 100, concurrency: 1 }).catch(
      (e: unknown) => e,
    )) as IngestBatchError;
    expect(failed).toBeInstanceOf(IngestBatchError);
    expect([failed.firstRow, failed.lastRow]).toEqual([100, 199]);
    expect(failed.completed).toEqual({ received: 100, inserted: 100, duplicates: 0 });
    expect(failed.issues).toEqual([{ row: 170, path: 'type', message: "did you mean 'churn'?" }]);
    expect(batchSizes(server)).toEqual([100, 100]);
  });

  it('keeps each body under maxBatchBytes', async () => {
    const { server, client } = await fakeEventsApi();
    const rows = Array.from({ length: 30 }, (_, i) => event(i, { attributes: { note: 'x'.repeat(400), other: 'y'.repeat(400) } }));
    expect((await ingestOperationalEvents(client, rows, { maxBatchBytes: 4 * 1024 })).inserted).toBe(30);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const r of server.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(4 * 1024);
  });
});
