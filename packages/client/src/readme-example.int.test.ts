import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@throughline/api/app';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertKpi } from '@throughline/db/testing';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** The one ```ts block in README.md's "For integrators" section, exactly as written there. */
function readmeExample(): string {
  const sections = readFileSync(readmePath, 'utf8').split(/^## /m);
  const section = sections.find((s) => s.startsWith('For integrators\n'));
  if (!section) throw new Error(`${readmePath} has no "## For integrators" section`);
  const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  if (blocks.length !== 1) throw new Error(`README.md's "For integrators" section should hold one \`\`\`ts block, not ${blocks.length}`);
  return blocks[0]!;
}

let database: Database;
let server: Server;
let url: string;
let token: string;
let journeyId: string;
/** What the app logged (server-side failures), to show beside an unexpected result. */
const logged: string[] = [];
// Inside packages/client, so `@throughline/client`, `csv-parse` and `tsx` resolve as they do there.
const dir = mkdtempSync(join(clientDir, '.readme-example-'));
const example = join(dir, 'ingest-survey-csv.ts');

const post = async (path: string, input: unknown, cookie = '') => {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', cookie },
  });
  expect(res.status, path).toBe(200);
  return res;
};

beforeAll(async () => {
  writeFileSync(example, readmeExample());
  database = await createTestDatabase();
  server = await new Promise<Server>((resolve) => {
    const s = createApp({ db: database.db, log: (m) => logged.push(m) }).listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // As an integrator's admin would: sign up, then create a token through the API.
  const signUp = await post('auth.signUp', {
    organisationName: 'Harbour',
    displayName: 'Ada',
    email: 'ada@harbour.example',
    password: 'correct horse battery',
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { organisationId } = ((await signUp.json()) as { result: { data: { organisationId: string } } }).result.data;
  const created = await post('token.create', { name: 'CSV import', scopes: ['ingest:write', 'kpi:read'] }, cookie);
  token = ((await created.json()) as { result: { data: { token: string } } }).result.data.token;
  // The journey and KPIs the CSV and the example refer to; how they are defined is not this test's concern.
  journeyId = (await insertJourney(database.db, organisationId, 'Make a claim')).id;
  await insertKpi(database.db, organisationId, { key: 'claim.nps', name: 'Claims NPS', target: 20 });
  await insertKpi(database.db, organisationId, { key: 'org.nps', name: 'Relationship NPS', target: 25 });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server?.close();
  await database?.close();
});

function csv(name: string, lines: string[]) {
  const path = join(dir, name);
  writeFileSync(
    path,
    ['external_id,instrument,score,scale,occurred_at,channel,segment,customer_id,journey_id,verbatim', ...lines].join('\n') + '\n',
  );
  return path;
}

/** Runs the example as the README says to, and hands back what it printed and its exit code. */
async function runExample(csvPath: string) {
  const env = { ...process.env, THROUGHLINE_URL: url, THROUGHLINE_TOKEN: token };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', example, csvPath], { cwd: clientDir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const stored = async () =>
  database.db
    .selectFrom('survey_response')
    .select(['external_id', 'instrument', 'score', 'scale', 'journey_id', 'verbatim'])
    .orderBy('external_id')
    .execute();

describe("README's integrator example", () => {
  it('ingests a CSV export with progress, prints a KPI, and counts a second run as duplicates', async () => {
    const path = csv('responses.csv', [
      `R-1001,nps,9,,2026-03-02T09:15:00Z,web,homeowner,C-311,${journeyId},"Quick, and clear"`,
      'R-1002,csat,6,7,2026-03-02T10:40:00Z,phone,landlord,C-087,,Waited 40 minutes',
      'R-1003,ces,6,,2026-03-03T08:05:00Z,,,,,',
    ]);
    const first = await runExample(path);
    expect(first.stderr, logged.join('\n')).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3/3 rows sent: 3 new, 0 already known');
    expect(first.stdout).toContain('Done: 3 rows stored, 0 duplicates');
    expect(first.stdout).toContain('KPI claim.nps (Claims NPS): target 20 points; 2 KPIs in all');
    expect(await stored()).toEqual([
      { external_id: 'R-1001', instrument: 'nps', score: 9, scale: null, journey_id: journeyId, verbatim: 'Quick, and clear' },
      { external_id: 'R-1002', instrument: 'csat', score: 6, scale: 7, journey_id: null, verbatim: 'Waited 40 minutes' },
      { external_id: 'R-1003', instrument: 'ces', score: 6, scale: null, journey_id: null, verbatim: null },
    ]);

    const again = await runExample(path);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Done: 0 rows stored, 3 duplicates');
    expect(await stored()).toHaveLength(3);
  });

  it('names the CSV line of a row the API refuses, and stores nothing of that batch', async () => {
    const path = csv('bad.csv', ['R-2001,nps,8,,2026-03-04T09:00:00Z,web,,,,', 'R-2002,nps,11,,2026-03-04T09:05:00Z,web,,,,']);
    const result = await runExample(path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3: score: nps scores run 0–10');
    expect((await stored()).map((r) => r.external_id)).not.toContain('R-2001');
  });

  it('type-checks as written', async () => {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['ingest-survey-csv.ts'] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: clientDir }).catch(
      (e: { stdout: string }) => e,
    );
    expect(result.stdout).toBe('');
  }, 120_000);
});
