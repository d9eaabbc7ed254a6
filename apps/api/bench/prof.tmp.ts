import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEMO_ORGANISATION_SLUG, DEMO_SIGN_IN, insertSession, listKpis } from '@throughline/db';
import { hashSecret, newSecret, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../src/auth/session-token.ts';
import { readApiEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const dir = process.env.PROF_DIR ?? mkdtempSync(join(tmpdir(), 'tl-prof-'));
const env = { ...readApiEnv({ PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data') }), databaseUrl: process.env.PROF_DB };
const running = await startServer(env, () => {});
const { db } = running.database;
await new Promise((r) => setTimeout(r, Number(process.env.SETTLE ?? 20000)));
const organisation = await db.selectFrom('organisation').select('id').where('slug', '=', DEMO_ORGANISATION_SLUG).executeTakeFirstOrThrow();
const kpis = await listKpis(db, organisation.id);
const rounds = [
  `/trpc/auth.me,kpi.list,team.list,journey.list,kpi.dashboard?batch=1&input=${encodeURIComponent(JSON.stringify({ 4: { periods: 12 } }))}`,
  ...(kpis.some((k) => k.scope.level === 'step') ? [`/trpc/journey.stepNames?batch=1&input=${encodeURIComponent('{}')}`] : []),
];
const user = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_SIGN_IN.email).executeTakeFirstOrThrow();
const cookies: string[] = [];
for (let i = 0; i < 50; i++) {
  const token = newSecret(); const now = new Date();
  await insertSession(db, { tokenHash: hashSecret(token), userId: user.id, organisationId: organisation.id, now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) });
  cookies.push(`${SESSION_COOKIE}=${token}`);
}
for (const p of rounds) { const r = await fetch(running.url + p, { headers: { cookie: cookies[0]!, 'accept-encoding': 'gzip, br' } }); console.log(p.slice(0, 60), r.status, (await r.arrayBuffer()).byteLength); }
const session = new Session(); session.connect();
if (process.env.PROFILE) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const worker = new Worker(new URL('./vu.tmp.mjs', import.meta.url), { workerData: { base: running.url, cookies, rounds, durationMs: Number(process.env.SECS ?? 15) * 1000, pauseMs: 1000 } });
const cpu0 = process.cpuUsage(); const w0 = performance.now(); const elu0 = performance.eventLoopUtilization();
const out = await new Promise<any>((res) => worker.once('message', res));
const cpu = process.cpuUsage(cpu0); const wall = performance.now() - w0; console.log('cores used', ((cpu.user + cpu.system) / 1000 / wall).toFixed(2), 'main ELU', performance.eventLoopUtilization(elu0).utilization.toFixed(2), 'vu ELU', worker.performance.eventLoopUtilization().utilization.toFixed(2));
if (process.env.PROFILE) { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/main.cpuprofile', JSON.stringify(profile)); }
const buckets = new Map(); for (const [t, d] of out.timeline) { const b = Math.floor(t / 500) / 2; const e = buckets.get(b) ?? [0, 0, 0]; e[0]++; if (d > 150) e[1]++; e[2] = Math.max(e[2], d); buckets.set(b, e); } console.log([...buckets].map(([b, e]) => b + 's:' + e.join('/')).join(' '));
const s = out.pageMs.sort((a: number, b: number) => a - b);
console.log({ n: s.length, p50: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], perSec: s.length / Number(process.env.SECS ?? 15), errors: out.errors, samples: out.errorSamples });
await worker.terminate();
await running.stop();
process.exit(0);
