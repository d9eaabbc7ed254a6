import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';
import { createApp } from './app.ts';

const PASSWORD = 'correct horse battery staple';
let database: Database;
let server: Server;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = (await insertOrganisation(db, 'harbour', 'Harbour Home')).id;
  await insertMember(db, org, { email: 'viewer@a.example', passwordHash: await hashPassword(PASSWORD), role: 'viewer' });
  await insertMember(db, org, { email: 'lead@a.example', passwordHash: await hashPassword(PASSWORD), role: 'cx_lead' });
  const claims = await insertTeam(db, org, 'Claims');
  const journey = await insertJourney(db, org, 'Report a claim', { accountableTeamId: claims });
  const actor = await createCaller(createInnerContext({ db, cookies: recordingCookies(null) })).auth.signIn({
    email: 'lead@a.example',
    password: PASSWORD,
  });
  const lead = createCaller(createInnerContext({ db, actor }));
  const kpi = await lead.kpi.create({
    key: 'claim.nps',
    name: 'Claim NPS',
    description: '',
    unit: 'points',
    kind: 'nps',
    source: { stream: 'survey', instrument: 'nps' },
    scope: { level: 'journey', journeyId: journey.id },
    ownerTeamId: claims,
    direction: 'higher_is_better',
    target: 30,
    threshold: null,
    grain: 'month',
    schedule: '0 3 * * *',
    valuePerPoint: 12_000,
  });
  // 200 answers in October at NPS +20 (40% promoters, 20% detractors): 10 points short of target.
  await db
    .insertInto('survey_response')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        organisation_id: org,
        source: 's',
        external_id: `r${i}`,
        instrument: 'nps' as const,
        score: i % 5 < 2 ? 10 : i % 5 < 4 ? 8 : 4,
        journey_id: journey.id,
        occurred_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      })),
    )
    .execute();
  await lead.kpi.recompute({ kpiId: kpi.id });
  await lead.failurePoint.create({
    journeyId: journey.id,
    stepId: journey.stepIds[0]!,
    title: 'Customers chase the assessor',
    description: '',
    expectation: 5,
    capability: 2,
    frequency: 1_000,
    frequencyPeriod: 'month',
    costBasis: 'contact',
    unitCost: 6,
    kpiIds: [],
  });
  const app = createApp({ db, log: () => {} });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await database.close();
});

async function sessionCookie(email: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('scorecard export', () => {
  it('refuses a caller without a session', async () => {
    const res = await fetch(`${base}/export/scorecard.csv`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('downloads the scorecard as CSV for a chosen period, one row per journey and KPI with raw numbers', async () => {
    const res = await fetch(`${base}/export/scorecard.csv?period=2026-10-01`, {
      headers: { cookie: await sessionCookie('viewer@a.example') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?scorecard-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const rows = parse<Record<string, string>>(await res.text(), { columns: true });
    expect(rows).toHaveLength(1);
    // (30 − 20) × £12,000 = £120,000 at stake; 1,000 a month × 12 × £6 = £72,000 failure cost
    expect(rows[0]).toMatchObject({
      journey: 'Report a claim',
      owner: 'Claims',
      kpi: 'Claim NPS',
      period_start: '2026-10-01',
      period: 'Oct 2026',
      period_complete: 'true',
      value: '20',
      n: '200',
      min_sample: '30',
      target: '30',
      status: 'short_of_target',
      status_label: 'Below target',
      value_per_point_source: 'entered',
      value_at_stake: '120000',
      top_failure_point: 'Customers chase the assessor',
      top_failure_point_annual_cost: '72000',
    });
  });

  it('leads by default with the last complete period, which here has no answers: no status and nothing at stake', async () => {
    const res = await fetch(`${base}/export/scorecard.csv`, { headers: { cookie: await sessionCookie('viewer@a.example') } });
    const rows = parse<Record<string, string>>(await res.text(), { columns: true });
    const today = new Date().toISOString().slice(0, 10);
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
    expect(rows[0]).toMatchObject({
      period_start: lastMonth,
      period_complete: 'true',
      value: lastMonth === '2026-10-01' ? '20' : '',
      value_at_stake: lastMonth === '2026-10-01' ? '120000' : '',
    });
  });

  it('refuses half a range by field, as the page would', async () => {
    const res = await fetch(`${base}/export/scorecard.csv?from=2026-10-01`, {
      headers: { cookie: await sessionCookie('viewer@a.example') },
    });
    expect(res.status).toBe(400);
  });

  it('downloads a PDF with the organisation, the journey and its figures', async () => {
    const res = await fetch(`${base}/export/scorecard.pdf`, { headers: { cookie: await sessionCookie('viewer@a.example') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    const body = pdf.toString('latin1');
    // One journey fits one page, and the page-number footer adds none.
    expect(body.match(/\/Type \/Page\b/g)).toHaveLength(1);
    // Fonts are the standard 14, so the PDF renders anywhere without embedding.
    expect(body).toMatch(/\/BaseFont \/Helvetica-Bold/);
  });
});
