import { afterEach, describe, expect, it } from 'vitest';
import { createThroughlineClient } from './client.ts';
import { IngestBatchError, ingestSurveyResponses, type IngestProgress, type SurveyResponseInput } from './ingest-batches.ts';
import { startTestServer, trpcError, type TestServer } from './testing/test-server.ts';

const row = (i: number, overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput => ({
  source: 'survey-tool',
  externalId: `r-${i}`,
  instrument: 'nps',
  score: i % 11,
  customerId: null,
  journeyId: null,
  stepId: null,
  channel: null,
  segment: null,
  verbatim: null,
  occurredAt: '2026-02-01T10:00:00.000Z',
  ...overrides,
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Speaks the API's wire format for ingest.surveyResponses: ids it has seen count as
 * duplicates, and a batch holding a score of 99 is refused whole, naming the row.
 */
async function fakeIngestApi(hold: (index: number) => Promise<void> = () => Promise.resolve()) {
  const seen = new Set<string>();
  server = await startTestServer(async (req, index) => {
    await hold(index);
    const { responses } = JSON.parse(req.body) as { responses: { externalId: string; score: number }[] };
    const bad = responses.findIndex((r) => r.score === 99);
    if (bad >= 0) {
      return {
        status: 400,
        json: trpcError(400, 'BAD_REQUEST', 'Invalid input', [{ path: `responses.${bad}.score`, message: 'nps scores run 0–10' }]),
      };
    }
    const inserted = responses.filter((r) => !seen.has(r.externalId));
    for (const r of inserted) seen.add(r.externalId);
    return {
      status: 200,
      json: { result: { data: { received: responses.length, inserted: inserted.length, duplicates: responses.length - inserted.length } } },
    };
  });
  return { server, client: createThroughlineClient({ url: server.url, token: 'tl_test' }) };
}
const batchSizes = (s: TestServer) => s.requests.map((r) => (JSON.parse(r.body) as { responses: unknown[] }).responses.length);

describe('ingestSurveyResponses', () => {
  it('sends rows in batches, one after another, and adds up the results', async () => {
    const { server, client } = await fakeIngestApi();
    const rows = Array.from({ length: 12_500 }, (_, i) => row(i));
    const progress: IngestProgress[] = [];
    const result = await ingestSurveyResponses(client, rows, { concurrency: 1, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ received: 12_500, inserted: 12_500, duplicates: 0 });
    expect(batchSizes(server)).toEqual([5000, 5000, 2500]);
    expect(progress.map((p) => [p.received, p.total])).toEqual([
      [5000, 12_500],
      [10_000, 12_500],
      [12_500, 12_500],
    ]);

    const again = await ingestSurveyResponses(client, rows.slice(0, 300), { batchSize: 200, concurrency: 1 });
    expect(again).toEqual({ received: 300, inserted: 0, duplicates: 300 });
    expect(batchSizes(server).slice(3)).toEqual([200, 100]);
  });

  it('stops at the first refused batch and says which rows, renumbering the API’s issues', async () => {
    const { server, client } = await fakeIngestApi();
    const rows = Array.from({ length: 250 }, (_, i) => row(i, i === 130 ? { score: 99 } : {}));
    const error = await ingestSurveyResponses(client, rows, { batchSize: 100, concurrency: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestBatchError);
    const failed = error as IngestBatchError;
    expect([failed.firstRow, failed.lastRow]).toEqual([100, 199]);
    expect(failed.completed).toEqual({ received: 100, inserted: 100, duplicates: 0 });
    expect(failed.storedAfter).toEqual([]);
    expect(failed.issues).toEqual([{ row: 130, path: 'score', message: 'nps scores run 0–10' }]);
    expect(failed.message).toBe('Rows 100–199 were not ingested: Invalid input (rows 0–99 were ingested)');
    // Nothing after the refused batch was sent.
    expect(batchSizes(server)).toEqual([100, 100]);
  });

  it('keeps two calls in flight by default, the next sent while the last is stored', async () => {
    // The first answer waits until the second call has arrived: one at a time would never finish.
    let secondArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (secondArrived = resolve));
    const { server, client } = await fakeIngestApi((index) =>
      index === 0 ? arrived : (index === 1 && secondArrived(), Promise.resolve()),
    );
    const rows = Array.from({ length: 12_000 }, (_, i) => row(i));
    const progress: number[] = [];
    expect(await ingestSurveyResponses(client, rows, { onProgress: (p) => progress.push(p.received) })).toEqual({
      received: 12_000,
      inserted: 12_000,
      duplicates: 0,
    });
    expect(batchSizes(server)).toEqual([5000, 5000, 2000]);
    expect(progress.at(-1)).toBe(12_000);
  });

  it('with calls in flight, names the earliest refused batch, and the batches stored alongside it', async () => {
    const { server, client } = await fakeIngestApi();
    const rows = Array.from({ length: 1_000 }, (_, i) => row(i, i === 250 ? { score: 99 } : {}));
    const failed = (await ingestSurveyResponses(client, rows, { batchSize: 100, concurrency: 3 }).catch(
      (e: unknown) => e,
    )) as IngestBatchError;
    expect(failed).toBeInstanceOf(IngestBatchError);
    expect([failed.firstRow, failed.lastRow]).toEqual([200, 299]);
    expect(failed.issues).toEqual([{ row: 250, path: 'score', message: 'nps scores run 0–10' }]);
    // Everything before it is stored; after it, only what was already on its way, and the error says which.
    expect(failed.storedAfter.every(([first]) => first > 299)).toBe(true);
    const storedAfter = failed.storedAfter.reduce((n, [first, last]) => n + last - first + 1, 0);
    expect(failed.completed.inserted).toBe(200 + storedAfter);
    expect(server.requests.length).toBeLessThanOrEqual(3 + 3);
    // Fixed and sent again from the refused row: the rest go in, what was stored counts as known.
    const fixed = rows.slice(200).map((r, i) => (i === 50 ? { ...r, score: 5 } : r));
    expect(await ingestSurveyResponses(client, fixed, { batchSize: 100 })).toEqual({
      received: 800,
      inserted: 800 - storedAfter,
      duplicates: storedAfter,
    });
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    const { client } = await fakeIngestApi();
    await expect(ingestSurveyResponses(client, [row(1)], { concurrency: 0 })).rejects.toThrow(RangeError);
  });

  it('keeps each request body under maxBatchBytes however long the rows are', async () => {
    const { server, client } = await fakeIngestApi();
    const rows = Array.from({ length: 40 }, (_, i) => row(i, { verbatim: 'é'.repeat(5000) }));
    const result = await ingestSurveyResponses(client, rows, { maxBatchBytes: 64 * 1024 });
    expect(result.inserted).toBe(40);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const r of server.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(64 * 1024);
    expect(batchSizes(server).reduce((a, b) => a + b)).toBe(40);
  });

  it('sends nothing for no rows and refuses a batch size that is not a positive integer', async () => {
    const { server, client } = await fakeIngestApi();
    expect(await ingestSurveyResponses(client, [])).toEqual({ received: 0, inserted: 0, duplicates: 0 });
    expect(server.requests).toHaveLength(0);
    await expect(ingestSurveyResponses(client, [row(1)], { batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
