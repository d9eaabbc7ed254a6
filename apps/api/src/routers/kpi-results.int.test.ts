import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveValueEstimates, type Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation } from '@throughline/db/testing';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';
import { ViewCache } from '../view-cache.ts';

// The day a CX lead opens the product: two days into November, so October is the last complete
// month and November runs "to date". The clock is the organisation's (UTC unless set).
const NOW = new Date('2026-11-02T10:00:00Z');

let database: Database;
let lead: ReturnType<typeof createCaller>;
let kpiId = '';
let orgId = '';

const answers = (prefix: string, count: number, score: (i: number) => number, day: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => ({
    organisation_id: orgId,
    source: 'survey-tool',
    external_id: `${prefix}-${i}`,
    instrument: 'nps' as const,
    score: score(i),
    segment: i % 2 === 0 ? 'homeowner' : 'landlord',
    occurred_at: day(i),
  }));
const inMonth = (m: string) => (i: number) => `2026-${m}-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`;

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  await insertMember(database.db, orgId, {
    email: 'lead@h.example',
    passwordHash: await hashPassword('a long enough password'),
    role: 'cx_lead',
  });
  await insertMember(database.db, orgId, {
    email: 'admin@h.example',
    passwordHash: await hashPassword('a long enough password'),
    role: 'admin',
  });
  const signIn = (email: string) =>
    createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
      email,
      password: 'a long enough password',
    });
  lead = createCaller(createInnerContext({ db: database.db, actor: await signIn('lead@h.example'), now: () => NOW }));
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
  // September: 200 answers at NPS +35; October: 200 at +57.5 (a significant rise); November so
  // far: six promoters (NPS +100, far too few to say anything).
  const month = (m: string, promoters: number, detractors: number) =>
    answers(m, 200, (i) => (i < promoters ? 10 : i < 200 - detractors ? 8 : 3), inMonth(m));
  await database.db
    .insertInto('survey_response')
    .values([
      ...month('09', 110, 40),
      ...month('10', 140, 25),
      ...answers(
        'nov',
        6,
        () => 10,
        (i) => `2026-11-0${1 + (i % 2)}T08:00:00Z`,
      ),
    ])
    .execute();
});
afterAll(() => database.close());

describe('KPI results', () => {
  it('lead with the last complete period, never the partial one, which is shown beside it to date', async () => {
    const before = await lead.kpi.results({ kpiId });
    expect(before).toMatchObject({
      headline: { label: 'Oct 2026', complete: true, value: null, status: 'no_data' },
      series: [],
      lastRunAt: null,
      today: '2026-11-02',
      timeZone: 'UTC',
    });
    // Three months, each for all segments and for its two.
    expect(await lead.kpi.recompute({ kpiId })).toEqual({ results: 9 });

    const { headline, toDate, series, segments, change } = await lead.kpi.results({ kpiId });
    expect(headline).toMatchObject({
      from: '2026-10-01',
      to: '2026-11-01',
      label: 'Oct 2026',
      complete: true,
      status: 'on_target',
      statusLabel: 'On target',
    });
    expect(headline.value).toMatchObject({ value: 57.5, n: 200 });
    expect(toDate).toMatchObject({ periodStart: '2026-11-01', label: 'Nov 2026 (to date)', value: { value: 100, n: 6 } });
    expect(series.map((p) => [p.periodStart, p.value, p.n, p.complete])).toEqual([
      ['2026-09-01', 35, 200, true],
      ['2026-10-01', 57.5, 200, true],
      ['2026-11-01', 100, 6, false],
    ]);
    expect(segments.map((s) => [s.segment, s.n])).toEqual([
      ['homeowner', 100],
      ['landlord', 100],
    ]);
    expect(change).toMatchObject({
      fromLabel: 'Sep 2026',
      toLabel: 'Oct 2026',
      difference: 22.5,
      significant: true,
      tested: true,
      method: 'adjusted-Wald difference',
    });
    expect(change!.ciLow).toBeLessThan(22.5);
    expect(change!.description).toMatch(/^up 22\.5 points, significant \(p [=<] 0\.0\d+, adjusted-Wald difference\)/);
  });

  it('show a chosen period or a range by the same formulas, and claim nothing below the minimum sample', async () => {
    const november = await lead.kpi.results({ kpiId, period: '2026-11-15' });
    expect(november.headline).toMatchObject({
      label: 'Nov 2026',
      complete: false,
      status: 'too_few',
      statusLabel: 'Too few answers: n = 6 of 30',
    });
    // n = 6 against 200: a +42.5 jump that the old z-test called significant is not tested at all.
    expect(november.change).toMatchObject({ difference: 42.5, tested: false, significant: false, pValue: null });
    expect(november.change!.description).toMatch(/too few/);
    expect(november.toDate).toBeNull();

    const autumn = await lead.kpi.results({ kpiId, from: '2026-09-01', to: '2026-10-31' });
    expect(autumn.headline).toMatchObject({ label: '1 Sep – 31 Oct 2026', complete: true });
    expect(autumn.headline.value).toMatchObject({ value: 46.25, n: 400 });

    await expect(lead.kpi.results({ kpiId, from: '2026-09-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(lead.kpi.results({ kpiId, from: '2026-10-01', to: '2026-09-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('raise an alert only when the interval lies wholly past the line, never below the minimum sample, and resolve it on recovery', async () => {
    expect(await lead.alert.list()).toEqual([]);
    // November so far is six promoters; six detractors instead would be NPS −100, yet n = 6 raises nothing.
    await database.db.deleteFrom('survey_response').where('external_id', 'like', 'nov-%').execute();
    await database.db
      .insertInto('survey_response')
      .values(
        answers(
          'nov-bad',
          6,
          () => 0,
          () => '2026-11-01T09:00:00Z',
        ),
      )
      .execute();
    await lead.kpi.recompute({ kpiId });
    expect(await lead.alert.list()).toEqual([]);

    // A wave of detractors in October pulls it far under the threshold: two alerts, raised once,
    // each stating the interval that triggered it.
    await database.db
      .insertInto('survey_response')
      .values(
        answers(
          'wave',
          300,
          () => 2,
          () => '2026-10-20T12:00:00Z',
        ),
      )
      .execute();
    await lead.kpi.recompute({ kpiId });
    await lead.kpi.recompute({ kpiId });
    const open = await lead.alert.list();
    expect(open.map((a) => [a.periodStart, a.periodLabel, a.kind]).sort()).toEqual([
      ['2026-10-01', 'Oct 2026', 'target'],
      ['2026-10-01', 'Oct 2026', 'threshold'],
    ]);
    expect(open[0]!.ciHigh).toBeLessThan(20);
    expect(open[0]!.ciLow).toBeLessThan(open[0]!.value);

    // November to date reaches the minimum sample with its interval wholly below: it alerts too.
    await database.db
      .insertInto('survey_response')
      .values(
        answers(
          'nov-more',
          40,
          () => 1,
          () => '2026-11-02T09:00:00Z',
        ),
      )
      .execute();
    await lead.kpi.recompute({ kpiId });
    expect(
      (await lead.alert.list())
        .filter((a) => a.periodStart === '2026-11-01')
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['target', 'threshold']);

    await lead.alert.acknowledge({ id: open[0]!.id });
    expect((await lead.alert.list()).find((a) => a.id === open[0]!.id)?.acknowledgedBy).toBeTruthy();
    // The wave and November's detractors were a data error: removed, the periods recover and the alerts resolve.
    await database.db
      .deleteFrom('survey_response')
      .where((eb) => eb.or([eb('external_id', 'like', 'wave-%'), eb('external_id', 'like', 'nov-more-%')]))
      .execute();
    await lead.kpi.recompute({ kpiId });
    expect(await lead.alert.list()).toEqual([]);
    expect((await lead.alert.list({ includeResolved: true, limit: 10 })).filter((a) => a.resolvedAt !== null)).toHaveLength(4);
  });

  it('cut periods at the organisation’s midnight once an admin sets its time zone', async () => {
    const admin = createCaller(
      createInnerContext({
        db: database.db,
        actor: await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
          email: 'admin@h.example',
          password: 'a long enough password',
        }),
        now: () => NOW,
      }),
    );
    // 12:00 UTC on 30 September is 01:00 on 1 October in Auckland.
    await database.db
      .insertInto('survey_response')
      .values(
        answers(
          'edge',
          1,
          () => 10,
          () => '2026-09-30T12:00:00Z',
        ),
      )
      .execute();
    await lead.kpi.recompute({ kpiId });
    const nOf = async (period: string) => (await lead.kpi.results({ kpiId, period })).headline.value?.n;
    const [sepUtc, octUtc] = [await nOf('2026-09-01'), await nOf('2026-10-01')];
    await expect(lead.organisation.updateSettings({ timeZone: 'Pacific/Auckland' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.organisation.updateSettings({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await admin.organisation.updateSettings({ timeZone: 'Pacific/Auckland' })).toMatchObject({ timeZone: 'Pacific/Auckland' });
    // Run states were cleared: the next run is a full one on the new days.
    expect(await database.db.selectFrom('kpi_run_state').selectAll().where('kpi_id', '=', kpiId).execute()).toEqual([]);
    await lead.kpi.recompute({ kpiId });
    expect([await nOf('2026-09-01'), await nOf('2026-10-01')]).toEqual([sepUtc! - 1, octUtc! + 1]);
    expect((await lead.kpi.results({ kpiId })).timeZone).toBe('Pacific/Auckland');
    await admin.organisation.updateSettings({ timeZone: 'UTC' });
    await lead.kpi.recompute({ kpiId });
  });

  it('are built once and shared until a run, an edit or the date moves them, never served stale', async () => {
    // Two people's calls through one process share its views; the clock is one they can move.
    let now = NOW;
    const views = new (class extends ViewCache {
      builds = 0;
      override view<T>(key: string, build: () => Promise<T>) {
        return super.view(key, () => (this.builds++, build()));
      }
    })();
    const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
      email: 'lead@h.example',
      password: 'a long enough password',
    });
    const as = () => createCaller(createInnerContext({ db: database.db, actor, views, now: () => now }));
    await as().kpi.recompute({ kpiId });
    const first = await as().kpi.dashboard();
    expect(await as().kpi.dashboard()).toEqual(first);
    expect(await as().kpi.results({ kpiId })).toEqual(await as().kpi.results({ kpiId }));
    expect(views.builds).toBe(2);

    // Rows stored are not results until a run stores them; then the view moves.
    await database.db
      .insertInto('survey_response')
      .values(answers('late', 40, () => 0, inMonth('10')))
      .execute();
    expect(await as().kpi.dashboard()).toEqual(first);
    expect(views.builds).toBe(2);
    await as().kpi.recompute({ kpiId });
    const afterRun = await as().kpi.dashboard();
    expect(afterRun[0]!.headline.value!.n).toBe(first[0]!.headline.value!.n + 40);

    // An edit of the definition (a new target) moves it too.
    const kpi = (await as().kpi.list()).find((k) => k.id === kpiId)!;
    await as().kpi.update({ ...kpi, target: 10 });
    const afterEdit = await as().kpi.dashboard();
    expect([afterRun[0]!.headline.status, afterEdit[0]!.headline.status]).toEqual(['short_of_target', 'on_target']);
    await as().kpi.update({ ...kpi, version: kpi.version + 1 });

    // And so does the date: on 1 December, November is the last complete month.
    now = new Date('2026-12-01T00:30:00Z');
    expect((await as().kpi.dashboard())[0]!.headline.label).toBe('Nov 2026');
    expect((await as().kpi.results({ kpiId })).headline.label).toBe('Nov 2026');
    await database.db.deleteFrom('survey_response').where('external_id', 'like', 'late-%').execute();
    await as().kpi.recompute({ kpiId });
  });
});

describe('KPI definitions', () => {
  const base = {
    description: '',
    unit: '%',
    scope: { level: 'organisation' as const },
    ownerTeamId: null,
    direction: 'higher_is_better' as const,
    target: null,
    threshold: null,
    grain: 'month' as const,
    schedule: '0 3 * * *',
    valuePerPoint: null,
  };

  it('refuse a kind the instrument cannot give, by field, and take CES “% agree” as its own kind', async () => {
    await expect(
      lead.kpi.create({ ...base, key: 'ces.as.csat', name: 'CSAT on CES', kind: 'csat', source: { stream: 'survey', instrument: 'ces' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('kind'),
    });
    const agree = await lead.kpi.create({
      ...base,
      key: 'ces.agree',
      name: 'CES % agree',
      kind: 'ces_agree',
      source: { stream: 'survey', instrument: 'ces' },
      minSample: 50,
    });
    expect(agree).toMatchObject({ kind: 'ces_agree', minSample: 50 });
    // An update that does not name the minimum sample (an older client) leaves it as it was.
    const { minSample: _kept, valuePerPointReason: _reason, ...older } = agree;
    expect(await lead.kpi.update({ ...older, name: 'CES agreement' })).toMatchObject({ name: 'CES agreement', minSample: 50 });
    await database.db
      .insertInto('survey_response')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          organisation_id: orgId,
          source: 's',
          external_id: `ces-${i}`,
          instrument: 'ces' as const,
          score: i < 45 ? 6 : 3,
          occurred_at: '2026-10-10T10:00:00Z',
        })),
      )
      .execute();
    await lead.kpi.recompute({ kpiId: agree.id });
    expect((await lead.kpi.results({ kpiId: agree.id })).headline).toMatchObject({
      status: 'no_target',
      value: { value: 75, n: 60, method: 'agresti-coull' },
    });
  });

  it('need a reason to enter a value per point outside the value model’s interval, and keep it', async () => {
    const estimate = {
      method: 'band_ltv' as const,
      valuePerPoint: 357,
      ciLow: 251,
      ciHigh: 463,
      nCustomers: 5_000,
      periodStart: '2025-11-01',
      periodEnd: '2026-10-31',
      detail: {
        bands: [],
        thresholds: {
          scaleMin: 0,
          bottomMax: 6,
          topMin: 9,
          scaleMax: 10,
          labels: { bottom: 'Detractor', middle: 'Passive', top: 'Promoter' },
        },
        upliftPerMover: 1,
        resamples: 200,
        seed: 1,
      },
    };
    await saveValueEstimates(database.db, orgId, kpiId, [estimate], NOW);
    const kpi = (await lead.kpi.list()).find((k) => k.id === kpiId)!;
    const refused = lead.kpi.update({ ...kpi, valuePerPoint: 42_000 });
    await expect(refused).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/£42,000 per point lies outside the value model's 95% interval £251–£463 \(estimate £357\)/),
    });
    expect((await lead.kpi.list()).find((k) => k.id === kpiId)!.valuePerPoint).toBeNull();
    // Within the interval no reason is asked.
    const inside = await lead.kpi.update({ ...kpi, valuePerPoint: 400 });
    const saved = await lead.kpi.update({
      ...inside,
      valuePerPoint: 42_000,
      valuePerPointReason: 'Board-agreed figure from the 2026 retention study',
    });
    expect(saved).toMatchObject({ valuePerPoint: 42_000, valuePerPointReason: 'Board-agreed figure from the 2026 retention study' });
    const model = await lead.value.kpi({ kpiId });
    expect(model.divergence).toMatchObject({ entered: 42_000, modelled: 357, ciLow: 251, ciHigh: 463 });
    expect(model.divergence!.description).toMatch(/118× the model/);
    expect(model.reason).toBe('Board-agreed figure from the 2026 retention study');
    const audited = await database.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'kpi.updated')
      .where('entity_id', '=', kpiId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audited.after)).toContain('Board-agreed figure');
  });
});
