import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@throughline/api/app';
import type { Database } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import { createThroughlineClient } from './client.ts';
import {
  IngestBatchError,
  ingestOperationalEvents,
  ingestSurveyResponses,
  type OperationalEventInput,
  type SurveyResponseInput,
} from './ingest-batches.ts';

let database: Database;
let server: Server;
let client: ReturnType<typeof createThroughlineClient>;

const post = async (url: string, path: string, input: unknown, cookie = '') => {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', cookie },
  });
  expect(res.status, path).toBe(200);
  return res;
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: database.db, log: () => {} }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signUp = await post(url, 'auth.signUp', {
    organisationName: 'Harbour',
    displayName: 'Ada',
    email: 'ada@harbour.example',
    password: 'correct horse battery',
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  const created = await post(url, 'token.create', { name: 'Pipeline', scopes: ['ingest:write'] }, cookie);
  client = createThroughlineClient({ url, token: ((await created.json()) as { result: { data: { token: string } } }).result.data.token });
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

const response = (i: number, occurredAt = '2026-11-02T09:00:00Z'): SurveyResponseInput => ({
  source: 'survey-tool',
  externalId: `r-${i}`,
  instrument: 'nps',
  score: 9,
  customerId: null,
  journeyId: null,
  stepId: null,
  channel: null,
  segment: null,
  verbatim: null,
  occurredAt,
});
const event = (i: number, over: Partial<OperationalEventInput> = {}): OperationalEventInput => ({
  source: 'billing',
  externalId: `e-${i}`,
  type: 'churn',
  value: null,
  customerId: `C-${i}`,
  journeyId: null,
  stepId: null,
  attributes: {},
  occurredAt: '2026-11-02T09:00:00Z',
  ...over,
});

describe('the server’s refusals, through the typed client', () => {
  it('name a survey response dated in the future by its row in the input', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const rows = Array.from({ length: 30 }, (_, i) => response(i, i === 23 ? tomorrow : undefined));
    const failed = (await ingestSurveyResponses(client, rows, { batchSize: 10, concurrency: 1 }).catch(
      (e: unknown) => e,
    )) as IngestBatchError;
    expect(failed).toBeInstanceOf(IngestBatchError);
    expect([failed.firstRow, failed.lastRow]).toEqual([20, 29]);
    expect(failed.issues).toEqual([{ row: 23, path: 'occurredAt', message: expect.stringMatching(/^is in the future: /) as unknown }]);
  });

  it('name an operational event dated in the future, and a type one slip from churn', async () => {
    const rows = [event(0), event(1, { type: 'chrun' }), event(2, { occurredAt: new Date(Date.now() + 3_600_000) })];
    const failed = (await ingestOperationalEvents(client, rows).catch((e: unknown) => e)) as IngestBatchError;
    expect(failed).toBeInstanceOf(IngestBatchError);
    expect(failed.issues).toEqual([
      { row: 1, path: 'type', message: "is “chrun”, which is not a type Throughline reads: did you mean 'churn'?" },
      { row: 2, path: 'occurredAt', message: expect.stringMatching(/^is in the future: /) as unknown },
    ]);
    expect(await ingestOperationalEvents(client, [event(0), event(1, { type: 'Churn' })])).toEqual({
      received: 2,
      inserted: 2,
      duplicates: 0,
    });
  });
});
