import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { openPostgres } from '@throughline/db';
import { hashSecret } from '../src/auth/session-token.ts';
import { createApp } from '../src/http/app.ts';
const database = openPostgres('postgres://postgres@127.0.0.1:5432/bench_1m', 10);
const { db } = database;
const runKey = randomUUID().slice(0, 8);
const org = await db.insertInto('organisation').values({ slug: `probe-${runKey}`, name: 'Probe' }).returning('id').executeTakeFirstOrThrow();
const token = `tl_probe${randomUUID()}`;
const user = await db.insertInto('app_user').values({ email: `probe-${runKey}@x.example`, display_name: 'P', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
await db.insertInto('api_token').values({ organisation_id: org.id, name: 'p', token_hash: hashSecret(token), prefix: token.slice(0, 9), scopes: ['ingest:write'], created_by: user.id }).execute();
const app = createApp({ db, log: () => {}, limits: { signInPerIpPerMinute: 10, tokenRequestsPerMinute: 1_000_000 } });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const rows = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ source: 'bench', externalId: `${p}-${i}`, instrument: 'nps', score: i % 11, customerId: `C${i}`, journeyId: null, stepId: null, channel: 'web', segment: 'H', verbatim: null, occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString() }));
const call = async (r: unknown) => { const res = await fetch(`${base}/trpc/ingest.surveyResponses`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ responses: r }) }); await res.text(); if (!res.ok) throw new Error(String(res.status)); };
await call(rows(`warm-${runKey}`, 5000));
for (const inFlight of [1, 2, 3, 1, 2, 3]) {
  const batches = Array.from({ length: 10 }, (_, k) => rows(`${runKey}-${inFlight}-${k}-${Math.random()}`, 5000));
  const s = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => { while (next < batches.length) await call(batches[next++]); }));
  console.log(inFlight, 'in flight:', Math.round(50000 / ((performance.now() - s) / 1000)), 'rows/s');
}
server.close();
await database.close();
