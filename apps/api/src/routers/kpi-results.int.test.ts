import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';

let database: Database;
let lead: ReturnType<typeof createCaller>;
let kpiId = '';
let orgId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  orgId = org;
  await insertMember(database.db, org, { email: 'lead@h.example', passwordHash: await hashPassword('a long enough password'), role: 'cx_lead' });
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({ email: 'lead@h.example', password: 'a long enough password' });
  lead = createCaller(createInnerContext({ db: database.db, actor }));
  kpiId = (
    await lead.kpi.create({
      key: 'org.nps',
      name: 'NPS',
      description: '',
      unit: 'points',
      kind: 'nps',
      source: { stream: 'survey', instrument: 'nps' },
      scope: { level: 'organisation' },
      ownerTeamId: null,
      direction: 'higher_is_better',
      target: 40,
      threshold: 20,
      grain: 'month',
      schedule: '0 3 * * *',
      valuePerPoint: null,
    })
  ).id;
  // September: 200 answers at NPS +35; October: 200 at +57.5 (a significant rise). Two segments.
  const month = (m: string, promoters: number, detractors: number) =>
    Array.from({ length: 200 }, (_, i) => ({
      organisation_id: org,
      source: 'survey-tool',
      external_id: `${m}-${i}`,
      instrument: 'nps' as const,
      score: i < promoters ? 10 : i < 200 - detractors ? 8 : 3,
      segment: i % 2 === 0 ? 'homeowner' : 'landlord',
      occurred_at: `2026-${m}-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`,
    }));
  await database.db.insertInto('survey_response').values([...month('09', 110, 40), ...month('10', 140, 25)]).execute();
});
afterAll(() => database.close());

describe('KPI results', () => {
  it('are empty until the KPI is computed, then give each period with its interval', async () => {
    expect(await lead.kpi.results({ kpiId })).toEqual({ series: [], segments: [], change: null, lastRunAt: null });
    expect(await lead.kpi.recompute({ kpiId })).toEqual({ results: 6 });
    const { series, segments, change, lastRunAt } = await lead.kpi.results({ kpiId });
    expect(series.map((p) => [p.periodStart, p.value, p.n])).toEqual([
      ['2026-09-01', 35, 200],
      ['2026-10-01', 57.5, 200],
    ]);
    expect(series[1]!.ciLow).toBeLessThan(57.5);
    expect(series[1]!.ciHigh).toBeGreaterThan(57.5);
    expect(segments.map((s) => [s.segment, s.n])).toEqual([
      ['homeowner', 100],
      ['landlord', 100],
    ]);
    expect(change).toMatchObject({ from: '2026-09-01', to: '2026-10-01', significant: true });
    expect(change!.description).toMatch(/^up 22\.5 points, significant \(p = 0\.00\d\) at n = 200$/);
    expect(lastRunAt).not.toBeNull();
  });

  it('raise an alert once per kind for the current period, and resolve it when the KPI recovers', async () => {
    // October's +57.5 is on target; September's +35 missed it, but September is history now.
    expect(await lead.alert.list()).toEqual([]);
    // A wave of detractors in October pulls it under the threshold: two alerts, raised once.
    await database.db
      .insertInto('survey_response')
      .values(Array.from({ length: 300 }, (_, i) => ({ organisation_id: orgId, source: 'survey-tool', external_id: `wave-${i}`, instrument: 'nps' as const, score: 2, occurred_at: '2026-10-20T12:00:00Z' })))
      .execute();
    await lead.kpi.recompute({ kpiId });
    await lead.kpi.recompute({ kpiId });
    const open = await lead.alert.list();
    expect(open.map((a) => [a.periodStart, a.kind]).sort()).toEqual([
      ['2026-10-01', 'target'],
      ['2026-10-01', 'threshold'],
    ]);
    await lead.alert.acknowledge({ id: open[0]!.id });
    expect((await lead.alert.list()).find((a) => a.id === open[0]!.id)?.acknowledgedBy).toBeTruthy();
    // The wave was a data error: removed, October recovers and its alerts resolve.
    await database.db.deleteFrom('survey_response').where('external_id', 'like', 'wave-%').execute();
    await lead.kpi.recompute({ kpiId });
    expect(await lead.alert.list()).toEqual([]);
    expect((await lead.alert.list({ includeResolved: true, limit: 10 })).filter((a) => a.resolvedAt !== null)).toHaveLength(2);
  });
});
