import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertKpi, insertMember, insertOrganisation } from '@throughline/db/testing';
import { MAX_INGEST_BATCH } from '@throughline/domain';
import { hashPassword } from '../auth/password.ts';
import { DEFAULT_LIMITS } from '../context.ts';
import { createApp, MAX_BODY_BYTES } from './app.ts';
import type { OpenApiDocument, OpenApiOperation } from './openapi-document.ts';

type Json = Record<string, unknown>;

let database: Database;
let servers: Server[] = [];
let base: string;
/** The same API, but every token call is over its rate limit. */
let limitedBase: string;
let doc: OpenApiDocument;
let journeyId: string;
let writer: string;
let reader: string;

const listen = async (app: ReturnType<typeof createApp>) => {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const silent = () => {};
/** What the app logged (server-side failures), to show beside an unexpected status. */
const logged: string[] = [];

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createToken(cookie: string, scopes: string[]) {
  const res = await post(`${base}/trpc/token.create`, JSON.stringify({ name: `openapi ${scopes.join(' ')}`, scopes }), { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { token: string } } }).result.data.token;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await insertOrganisation(database.db, 'harbour', 'Harbour');
  await insertMember(database.db, org.id, { email: 'ada@harbour.example', passwordHash: await hashPassword('pw-123456'), role: 'admin' });
  journeyId = (await insertJourney(database.db, org.id, 'Make a claim')).id;
  await insertKpi(database.db, org.id, { key: 'nps', name: 'Net Promoter Score', target: 40 });
  base = await listen(createApp({ db: database.db, log: (m) => logged.push(m) }));
  limitedBase = await listen(createApp({ db: database.db, log: silent, limits: { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 0 } }));
  const signIn = await post(`${base}/trpc/auth.signIn`, JSON.stringify({ email: 'ada@harbour.example', password: 'pw-123456' }));
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  writer = await createToken(cookie, ['ingest:write', 'kpi:read']);
  reader = await createToken(cookie, ['kpi:read']);
  doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
});
afterAll(async () => {
  for (const server of servers) server.close();
  servers = [];
  await database.close();
});

/** What a `#/…` JSON pointer names in the document, or undefined when nothing is there. */
function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

/** Every `$ref` anywhere under `node`. */
function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

/** `node` with every `$ref` replaced by what it points at, so it stands on its own. */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') return inline(resolvePointer(ref));
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value)]));
}

/** A validator for a schema exactly as the document publishes it (not the server's zod schema). */
const documented = (schema: unknown) => z.fromJSONSchema(inline(schema) as z.core.JSONSchema.JSONSchema);

const ingest = () => doc.paths['/trpc/ingest.surveyResponses']!.post!;
const kpiList = () => doc.paths['/trpc/kpi.list']!.get!;
const successSchema = (op: OpenApiOperation) =>
  (op.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema;
const errorSchema = (op: OpenApiOperation, status: number) => {
  const response = inline(op.responses[String(status)]) as { content?: Record<string, { schema: unknown }> } | undefined;
  expect(response?.content, `${op.operationId} documents ${status}`).toBeDefined();
  return response!.content!['application/json']!.schema;
};

/** One survey response; a test below checks these are exactly the fields the document requires. */
const documentedRow = (i: number): Record<string, unknown> => ({
  source: 'openapi-test',
  externalId: `r-${i}`,
  instrument: 'nps',
  score: i % 11,
  customerId: null,
  journeyId,
  stepId: null,
  channel: 'web',
  segment: null,
  verbatim: null,
  occurredAt: '2026-03-02T09:15:00.000Z',
});

describe('GET /openapi.json', () => {
  it('serves an OpenAPI 3.1 document for the ingestion and KPI endpoints, without a token', async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/trpc/ingest.operationalEvents',
      '/trpc/ingest.surveyResponses',
      '/trpc/journey.get',
      '/trpc/journey.list',
      '/trpc/kpi.list',
      '/trpc/kpi.results',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(ingest().security).toEqual([{ bearerAuth: ['ingest:write'] }]);
    expect(kpiList().security).toEqual(expect.arrayContaining([{ bearerAuth: ['kpi:read'] }]));
  });

  it('holds together: every $ref resolves, operation ids are unique, every refusal is documented', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(resolvePointer(ref), ref).toBeDefined();
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    for (const op of operations) {
      for (const status of [400, 401, 403, 429]) expect(refsIn(errorSchema(op, status))).toEqual([]);
      expect(inline(op.responses['429'])).toMatchObject({ headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    }
    errorSchema(ingest(), 413);
  });

  it('documents scale as a number of 5, 7 or 10, and where journey and step ids come from', () => {
    const input = inline(ingest().requestBody!.content['application/json']!.schema) as {
      properties: { responses: { items: { properties: Record<string, Json> } } };
    };
    const row = input.properties.responses.items.properties;
    expect(JSON.stringify(row.scale)).toContain('"integer"');
    expect(row.scale!.description).toMatch(/a number: 10 for NPS, 5 or 7 for CSAT, 7 for CES/);
    expect(row.journeyId!.description).toContain('`journey.list` (GET /trpc/journey.list, a token with model:read)');
    expect(row.stepId!.description).toContain('`journey.get`');
    expect(ingest().description).toContain('`scale` (a number: 5, 7 or 10)');
    const journeys = doc.paths['/trpc/journey.list']!.get!;
    expect(journeys.security).toEqual(expect.arrayContaining([{ bearerAuth: ['model:read'] }]));
    expect(doc.paths['/trpc/journey.get']!.get!.parameters?.[0]?.name).toBe('input');
  });

  it('publishes the batch limit and the fields of a row', () => {
    const input = inline(ingest().requestBody!.content['application/json']!.schema) as { properties: { responses: Json } };
    expect(input.properties.responses).toMatchObject({ type: 'array', minItems: 1, maxItems: MAX_INGEST_BATCH });
    const item = (input.properties.responses as { items: { required: string[] } }).items;
    expect(Object.keys(documentedRow(1)).sort()).toEqual([...item.required].sort());
  });
});

describe('the document and the API agree', () => {
  it('accepts a body built to the document, and answers as the document says', async () => {
    const body = { responses: [documentedRow(1), documentedRow(2)] };
    expect(documented(ingest().requestBody!.content['application/json']!.schema).safeParse(body).success).toBe(true);
    const first = await post(`${base}/trpc/ingest.surveyResponses`, JSON.stringify(body), bearer(writer));
    expect(first.status, logged.join('\n')).toBe(200);
    const answer = await first.json();
    expect(documented(successSchema(ingest())).parse(answer)).toEqual({ result: { data: { received: 2, inserted: 2, duplicates: 0 } } });
    // Idempotent by (source, externalId): the same rows again store nothing.
    const again = await post(`${base}/trpc/ingest.surveyResponses`, JSON.stringify(body), bearer(writer));
    expect(await again.json()).toEqual({ result: { data: { received: 2, inserted: 0, duplicates: 2 } } });
  });

  it('refuses a row dated in the future over plain HTTP, naming it, and stores nothing', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const body = { responses: [documentedRow(10), { ...documentedRow(11), occurredAt: future }] };
    const res = await post(`${base}/trpc/ingest.surveyResponses`, JSON.stringify(body), bearer(writer));
    expect(res.status, logged.join('\n')).toBe(400);
    const answer = (await res.json()) as { error: { data: { issues: { path: string; message: string }[] } } };
    expect(answer.error.data.issues).toEqual([
      { path: 'responses.1.occurredAt', message: expect.stringMatching(/^is in the future: /) as unknown },
    ]);
    const again = await post(`${base}/trpc/ingest.surveyResponses`, JSON.stringify({ responses: [documentedRow(10)] }), bearer(writer));
    expect(await again.json()).toEqual({ result: { data: { received: 1, inserted: 1, duplicates: 0 } } });
  });

  it('lists KPIs in the documented shape', async () => {
    const res = await fetch(`${base}/trpc/kpi.list`, { headers: bearer(reader) });
    expect(res.status, logged.join('\n')).toBe(200);
    const body = documented(successSchema(kpiList())).parse(await res.json()) as { result: { data: { key: string }[] } };
    expect(body.result.data.map((k) => k.key)).toEqual(['nps']);
  });

  it('refuses with the documented status and error body', async () => {
    const ingestUrl = `${base}/trpc/ingest.surveyResponses`;
    const tooMany = { responses: Array.from({ length: MAX_INGEST_BATCH + 1 }, (_, i) => documentedRow(i)) };
    // The document already says this batch is too big.
    expect(documented(ingest().requestBody!.content['application/json']!.schema).safeParse(tooMany).success).toBe(false);
    const cases: [string, OpenApiOperation, number, () => Promise<Response>][] = [
      ['too many rows', ingest(), 400, () => post(ingestUrl, JSON.stringify(tooMany), bearer(writer))],
      ['malformed JSON', ingest(), 400, () => post(ingestUrl, '{"responses": [', bearer(writer))],
      ['no token', ingest(), 401, () => post(ingestUrl, JSON.stringify({ responses: [documentedRow(1)] }))],
      ['unknown token', kpiList(), 401, () => fetch(`${base}/trpc/kpi.list`, { headers: bearer('tl_not-a-token') })],
      [
        'token without ingest:write',
        ingest(),
        403,
        () => post(ingestUrl, JSON.stringify({ responses: [documentedRow(1)] }), bearer(reader)),
      ],
      [
        'body over the cap',
        ingest(),
        413,
        () => post(ingestUrl, JSON.stringify({ responses: [{ verbatim: 'x'.repeat(MAX_BODY_BYTES) }] }), bearer(writer)),
      ],
      [
        'not JSON',
        ingest(),
        415,
        () => fetch(ingestUrl, { method: 'POST', body: 'responses', headers: { 'content-type': 'text/plain', ...bearer(writer) } }),
      ],
      ['over the rate limit', kpiList(), 429, () => fetch(`${limitedBase}/trpc/kpi.list`, { headers: bearer(reader) })],
    ];
    for (const [what, op, status, send] of cases) {
      const res = await send();
      expect(res.status, `${what}\n${logged.join('\n')}`).toBe(status);
      const parsed = documented(errorSchema(op, status)).safeParse(await res.json());
      expect(parsed.error, what).toBeUndefined();
      if (status === 429) {
        const error = (parsed.data as { error: { data: { retryAfterSeconds: number } } }).error;
        expect(res.headers.get('retry-after')).toBe(String(error.data.retryAfterSeconds));
      }
    }
  });
});
