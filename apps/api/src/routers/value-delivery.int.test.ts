import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertJourney, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import { DomainError } from '@throughline/domain';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { createCaller } from '../router.ts';

const PASSWORD = 'a long enough password';
let database: Database;
type Caller = ReturnType<typeof createCaller>;
let lead: Caller;
let member: Caller;
let outsider: Caller;
const ids = {
  org: '',
  claims: '',
  journey: '',
  steps: [] as string[],
  nps: '',
  csat: '',
  memberUser: '',
  fpCheap: '',
  fpDear: '',
  insight: '',
};

async function callerAs(email: string): Promise<Caller> {
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn({
    email,
    password: PASSWORD,
  });
  return createCaller(createInnerContext({ db: database.db, actor }));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; issues: { path: string; message: string }[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause instanceof DomainError ? error.cause : null;
      return { code: error.code, message: error.message, issues: cause ? [...cause.issues] : [] };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

const kpi = (key: string, kind: 'nps' | 'csat', journeyId: string) => ({
  key,
  name: kind === 'nps' ? 'Claim NPS' : 'Claim CSAT',
  description: '',
  unit: kind === 'nps' ? 'points' : '%',
  kind,
  source: { stream: 'survey' as const, instrument: kind },
  scope: { level: 'journey' as const, journeyId },
  ownerTeamId: null,
  direction: 'higher_is_better' as const,
  target: kind === 'nps' ? 40 : 90,
  threshold: null,
  grain: 'month' as const,
  schedule: '0 3 * * *',
  valuePerPoint: kind === 'nps' ? 10_000 : 2_000,
});

/** `count` answers spread over the days from `from`, scored by `score(i)`. */
function answers(prefix: string, instrument: 'nps' | 'csat', from: string, days: number, count: number, score: (i: number) => number) {
  const start = Date.parse(`${from}T12:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    organisation_id: ids.org,
    source: 'survey-tool',
    external_id: `${prefix}-${i}`,
    instrument,
    score: score(i),
    journey_id: ids.journey,
    occurred_at: new Date(start + (i % days) * 86_400_000).toISOString(),
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const passwordHash = await hashPassword(PASSWORD);
  ids.org = (await insertOrganisation(db, 'harbour', 'Harbour')).id;
  const other = (await insertOrganisation(db, 'other', 'Other')).id;
  await insertMember(db, ids.org, { email: 'lead@h.example', passwordHash, role: 'cx_lead' });
  ids.memberUser = await insertMember(db, ids.org, { email: 'member@h.example', passwordHash, role: 'team_member' });
  await insertMember(db, other, { email: 'admin@o.example', passwordHash, role: 'admin' });
  ids.claims = await insertTeam(db, ids.org, 'Claims'); // spending authority £25,000
  await db.insertInto('team_member').values({ organisation_id: ids.org, team_id: ids.claims, user_id: ids.memberUser }).execute();
  const journey = await insertJourney(db, ids.org, 'Report a claim', { accountableTeamId: ids.claims });
  ids.journey = journey.id;
  ids.steps = journey.stepIds;
  lead = await callerAs('lead@h.example');
  member = await callerAs('member@h.example');
  outsider = await callerAs('admin@o.example');
  ids.nps = (await lead.kpi.create(kpi('claim.nps', 'nps', ids.journey))).id;
  ids.csat = (await lead.kpi.create(kpi('claim.csat', 'csat', ids.journey))).id;
  // NPS before 1 June 2026: 400 answers at +10 (40% promoters, 30% detractors); after: 400 at +40.
  // CSAT: 70% top-two-box on both sides: nothing moved.
  await db
    .insertInto('survey_response')
    .values([
      ...answers('nps-before', 'nps', '2026-03-05', 85, 400, (i) => (i % 10 < 4 ? 10 : i % 10 < 7 ? 8 : 3)),
      ...answers('nps-after', 'nps', '2026-06-02', 85, 400, (i) => (i % 10 < 6 ? 9 : i % 10 < 8 ? 7 : 2)),
      ...answers('csat-before', 'csat', '2026-03-05', 85, 400, (i) => (i % 10 < 7 ? 5 : 2)),
      ...answers('csat-after', 'csat', '2026-06-02', 85, 400, (i) => (i % 10 < 7 ? 4 : 3)),
    ])
    .execute();
  await lead.kpi.recompute({ kpiId: ids.nps });
  await lead.kpi.recompute({ kpiId: ids.csat });
});
afterAll(() => database.close());

const failurePoint = (title: string, frequency: number, unitCost: number, stepId: string) => ({
  journeyId: ids.journey,
  stepId,
  title,
  description: '',
  expectation: 5,
  capability: 2,
  frequency,
  frequencyPeriod: 'month' as const,
  costBasis: 'contact' as const,
  unitCost,
  kpiIds: [ids.nps],
});

describe('failure points and insights', () => {
  it('costs each failure a year and ranks the costliest first', async () => {
    ids.fpCheap = (await member.failurePoint.create(failurePoint('Upload fails on mobile', 50, 6, ids.steps[0]!))).id;
    const dear = await member.failurePoint.create(failurePoint('Customers chase the assessor visit', 1_200, 6.5, ids.steps[1]!));
    ids.fpDear = dear.id;
    // 1,200 a month × 12 × £6.50 = £93,600; 50 × 12 × £6 = £3,600
    expect(dear).toMatchObject({ annualCost: 93_600, gap: 3, evidenceCount: 0 });
    expect((await lead.failurePoint.list({ journeyId: ids.journey })).map((f) => [f.title, f.annualCost])).toEqual([
      ['Customers chase the assessor visit', 93_600],
      ['Upload fails on mobile', 3_600],
    ]);
  });

  it('finds insights by full text, with stemming and the matching passage, never another organisation’s', async () => {
    const insight = await member.insight.create({
      kind: 'verbatim',
      title: 'Three calls to find out when the assessor comes',
      body: 'I was chasing them every other day. Nobody could tell me when the assessor would visit.',
      source: 'survey',
      observedOn: '2026-04-12',
      confidence: 'high',
      personas: ['Homeowner'],
      journeyIds: [ids.journey],
      stepIds: [ids.steps[1]!],
      failurePointIds: [ids.fpDear],
      initiativeIds: [],
    });
    ids.insight = insight.id;
    await outsider.insight.create({ ...insightOf('Chasing the assessor elsewhere'), journeyIds: [] });
    const found = await lead.insight.search({ query: 'chase assessor', limit: 10 });
    expect(found.map((i) => i.id)).toEqual([insight.id]);
    expect(found[0]!.headline).toMatch(/«chasing»/);
    expect(await lead.insight.search({ query: 'premium refund', limit: 10 })).toEqual([]);
    expect((await lead.insight.search({ failurePointId: ids.fpDear, limit: 10 })).map((i) => i.id)).toEqual([insight.id]);
    expect(await lead.failurePoint.get({ id: ids.fpDear })).toMatchObject({ evidenceCount: 1 });
  });

  it('refuses a link to another organisation’s row by its field path, storing nothing', async () => {
    const theirs = await outsider.insight.search({ limit: 10 });
    const r = await refusal(member.insight.create({ ...insightOf('Linked elsewhere'), failurePointIds: [ids.fpDear, theirs[0]!.id] }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.issues).toEqual([{ path: 'failurePointIds.1', message: 'is not a failure point here' }]);
    expect(await lead.insight.search({ query: 'linked elsewhere', limit: 10 })).toEqual([]);
  });
});

function insightOf(title: string) {
  return {
    kind: 'finding' as const,
    title,
    body: title,
    source: 'interview' as const,
    observedOn: '2026-05-01',
    confidence: 'medium' as const,
    personas: [],
    journeyIds: [ids.journey],
    stepIds: [],
    failurePointIds: [],
    initiativeIds: [],
  };
}

describe('outcomes', () => {
  it('takes five per journey and refuses a sixth with the reason, storing nothing', async () => {
    for (let i = 1; i <= 5; i++)
      await member.outcome.create({
        journeyId: ids.journey,
        kpiId: ids.nps,
        title: `Outcome ${i}`,
        baseline: 10,
        target: 10 + 5 * i,
        byDate: '2027-06-30',
      });
    const r = await refusal(
      member.outcome.create({
        journeyId: ids.journey,
        kpiId: ids.nps,
        title: 'One too many',
        baseline: 10,
        target: 50,
        byDate: '2027-06-30',
      }),
    );
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.message).toMatch(/at most 5 targeted outcomes, and this one has 5/);
    const outcomes = await lead.outcome.list({ journeyId: ids.journey });
    expect(outcomes).toHaveLength(5);
    // The answers end in August; an outcome is judged on its KPI's last complete month, which has
    // none, so it claims nothing (an old month's +40 is not "achieved" today).
    expect(outcomes.find((o) => o.title === 'Outcome 5')).toMatchObject({ target: 35, current: null, status: 'no_data' });
  });
});

describe('initiatives', () => {
  const base = () => ({ journeyId: ids.journey, teamId: ids.claims });
  let small = { id: '', version: 0 };
  let big = { id: '', version: 0 };

  it('refuses the designed gate with every missing field by path', async () => {
    const created = await member.initiative.create({ ...base(), title: 'Assessor call-back' });
    expect(created).toMatchObject({ stage: 'idea', figures: { priority: null, noTechnologyScope: true } });
    const r = await refusal(member.initiative.advance({ id: created.id, version: created.version, to: 'designed' }));
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.issues.map((i) => i.path)).toEqual([
      'failurePointIds',
      'hypothesis',
      'outcomeIds',
      'kpiId',
      'expectedUplift',
      'oneOffBusiness',
    ]);
    expect((await lead.initiative.get({ id: created.id })).stage).toBe('idea');
    big = created;
  });

  it('prices the case from the KPI’s value link and moves through design', async () => {
    const [outcome] = await lead.outcome.list({ journeyId: ids.journey });
    const bigCase = await member.initiative.update({
      ...base(),
      id: big.id,
      version: big.version,
      title: 'Assessor call-back',
      problem: 'Customers chase the visit',
      hypothesis: 'A booked call-back ends the chasing and lifts NPS',
      failurePointIds: [ids.fpDear],
      outcomeIds: [outcome!.id],
      kpiId: ids.nps,
      expectedUplift: 6,
      upliftConfidence: 'high',
      oneOffBusiness: 40_000,
      oneOffTechnology: 80_000,
      runningBusiness: 5_000,
      runningTechnology: 15_000,
      itEffortDays: 60,
    });
    // 6 points × £10,000 = £60,000 a year; 3-year cost 120,000 + 60,000 = 180,000; ROI (180,000 − 180,000)/180,000 = 0
    expect(bigCase.figures).toMatchObject({
      annualValue: 60_000,
      roi: 0,
      paybackMonths: 36,
      priority: 0.9,
      valuePerPointSource: 'kpi_entered',
      noTechnologyScope: false,
    });
    big = await member.initiative.advance({ id: big.id, version: bigCase.version, to: 'designed' });
    const smallIdea = await member.initiative.create({
      ...base(),
      title: 'Clearer claim acknowledgement email',
      hypothesis: 'Clearer wording lifts CSAT',
      problem: 'Customers do not know what happens next',
      outcomeIds: [outcome!.id],
      kpiId: ids.csat,
      expectedUplift: 3,
      oneOffBusiness: 12_000,
      oneOffTechnology: 3_000,
      systemIds: [],
    });
    small = await member.initiative.advance({ id: smallIdea.id, version: smallIdea.version, to: 'designed' });
  });

  it('lets the team fund within its authority and sends anything above to the council', async () => {
    // £15,000 ≤ £25,000: the team decides.
    small = await member.initiative.decideFunding({ id: small.id, version: small.version, decision: 'approve', reason: 'Cheap and quick' });
    expect(small).toMatchObject({ stage: 'funded', fundingApprover: 'team' });
    // £140,000 > £25,000: a team member is refused, and the refusal is audited.
    const r = await refusal(
      member.initiative.decideFunding({ id: big.id, version: big.version, decision: 'approve', reason: 'We want it' }),
    );
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toMatch(/exceeds the owning team’s spending authority/);
    const denied = await database.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'access.denied')
      .where('entity_id', '=', big.id)
      .execute();
    expect(denied).toHaveLength(1);
    expect((await lead.initiative.get({ id: big.id })).stage).toBe('designed');
    big = await lead.initiative.decideFunding({
      id: big.id,
      version: big.version,
      decision: 'approve',
      reason: 'Top failure point by cost',
    });
    expect(big).toMatchObject({ stage: 'funded', fundingApprover: 'council' });
    const decisions = (await lead.proposal.decisions()).filter((d) => d.subjectType === 'initiative');
    expect(decisions.map((d) => [d.subjectId, d.outcome, d.decidedByBody, d.reason])).toEqual([
      [big.id, 'funded', 'council', 'Top failure point by cost'],
      [small.id, 'funded', 'team', 'Cheap and quick'],
    ]);
  });

  it('holds a funded case to the money approved', async () => {
    const current = await lead.initiative.get({ id: big.id });
    const { funding: _funding, ...rest } = current;
    const r = await refusal(member.initiative.update({ ...rest, oneOffTechnology: 200_000 }));
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect((await lead.initiative.get({ id: big.id })).oneOffTechnology).toBe(80_000);
  });

  it('refuses an edit made on a stale version, changing nothing', async () => {
    const { funding: _funding, ...current } = await lead.initiative.get({ id: small.id });
    await member.initiative.update({ ...current, hypothesis: 'First edit wins' });
    const r = await refusal(member.initiative.update({ ...current, hypothesis: 'Second edit, from the old version' }));
    expect(r.code).toBe('CONFLICT');
    expect((await lead.initiative.get({ id: small.id })).hypothesis).toBe('First edit wins');
    const fp = await lead.failurePoint.get({ id: ids.fpCheap });
    await member.failurePoint.update({ ...fp, unitCost: 7 });
    expect((await refusal(member.failurePoint.update({ ...fp, unitCost: 8 }))).code).toBe('CONFLICT');
    expect((await lead.failurePoint.get({ id: ids.fpCheap })).unitCost).toBe(7);
  });

  it('needs its fields at each delivery gate, and measures only with data after implementation', async () => {
    for (const target of [big, small]) {
      const current = await lead.initiative.get({ id: target.id });
      const { funding: _funding, ...rest } = current;
      const r = await refusal(member.initiative.advance({ id: target.id, version: current.version, to: 'in_delivery' }));
      expect(r.issues.map((i) => i.path)).toEqual(['deliveryStartOn', 'usageMeasure']);
      const planned = await member.initiative.update({
        ...rest,
        deliveryStartOn: '2026-04-01',
        usageMeasure: 'Share of claims using it',
        peopleToTrain: 40,
        peopleTrained: 32,
      });
      const delivering = await member.initiative.advance({ id: target.id, version: planned.version, to: 'in_delivery' });
      const { funding: _f, ...deliveringInput } = { ...delivering, funding: null };
      const done = await member.initiative.update({
        ...deliveringInput,
        implementedOn: '2026-06-01',
        changeSummary: 'Live for every claim',
        spentBusiness: 10_000,
        spentTechnology: 2_000,
      });
      const implemented = await member.initiative.advance({ id: target.id, version: done.version, to: 'implemented' });
      const measured = await member.initiative.advance({ id: target.id, version: implemented.version, to: 'measured' });
      expect(measured).toMatchObject({ stage: 'measured', measuredOn: new Date().toISOString().slice(0, 10) });
    }
  });

  it('shows in the acid test what moved and what did not, with the chain that led there', async () => {
    const report = await lead.initiative.acidTest({});
    expect(report).toHaveLength(2);
    const moved = report.find((e) => e.initiativeId === big.id)!;
    expect(moved.verdict).toBe('improved');
    const nps = moved.kpis.find((k) => k.kpiId === ids.nps)!;
    // +10 before, +40 after, 400 answers each side
    expect(nps).toMatchObject({ before: { value: 10, n: 400 }, after: { value: 40, n: 400 }, difference: 30, movement: 'improved' });
    expect(nps.differenceLow!).toBeGreaterThan(0);
    expect(nps.pValue!).toBeLessThan(0.05);
    expect(moved.failurePoints.map((f) => f.title)).toEqual(['Customers chase the assessor visit']);
    expect(moved.insights.map((i) => i.id)).toEqual([ids.insight]);
    expect(moved.change.summary).toBe('Live for every claim');
    const flat = report.find((e) => e.initiativeId === small.id)!;
    expect(flat.kpis.find((k) => k.kpiId === ids.csat)).toMatchObject({
      before: { value: 70 },
      after: { value: 70 },
      movement: 'no_measurable_movement',
    });
    // Its outcome is on NPS too, which did move: the KPIs it targets are judged together.
    expect(flat.kpis.map((k) => k.kpiId).sort()).toEqual([ids.nps, ids.csat].sort());
  });

  it('sets committed and spent money against the team’s budget, split business / technology', async () => {
    const [claims] = await lead.initiative.budgets();
    // big: one-off 40,000 + 80,000, running 5,000 + 15,000; small: 12,000 + 3,000
    expect(claims).toMatchObject({
      teamName: 'Claims',
      annualBudget: 500_000,
      committed: { business: 57_000, technology: 98_000 },
      spent: { business: 20_000, technology: 4_000 },
      headroom: 345_000,
      initiatives: 2,
    });
  });
});

describe('scorecard', () => {
  it('gives each journey its owner, KPIs against target and the value at stake', async () => {
    // The answers end in August: by default each KPI leads with its last complete month, empty here.
    const latest = (await lead.scorecard.get()).journeys.find((j) => j.journeyId === ids.journey)!;
    expect(latest.kpis.map((k) => [k.status, k.latest, k.valueAtStake])).toEqual([
      ['no_data', null, null],
      ['no_data', null, null],
    ]);
    const { journeys, periodLabel } = await lead.scorecard.get({ period: '2026-08-01' });
    expect(periodLabel).toBe('The period holding 1 Aug 2026 for each KPI');
    const claim = journeys.find((j) => j.journeyId === ids.journey)!;
    expect(claim.owner).toBe('Claims');
    const nps = claim.kpis.find((k) => k.kpiId === ids.nps)!;
    expect(nps).toMatchObject({
      period: { label: 'Aug 2026', complete: true },
      status: 'on_target',
      statusLabel: 'On target',
      valueAtStake: 0,
      valuePerPointSource: 'entered',
    });
    const csat = claim.kpis.find((k) => k.kpiId === ids.csat)!;
    // CSAT 70 against 90 at £2,000 a point: £40,000 at stake
    expect(csat.latest!.value).toBe(70);
    expect(csat).toMatchObject({ status: 'short_of_target', statusLabel: 'Below target', valueAtStake: 40_000 });
    expect(claim.valueAtStake).toBe(40_000);
    // The upload failure's unit cost went to £7 above: 50 × 12 × £7 = £4,200
    expect(claim.topFailurePoints.map((f) => f.annualCost)).toEqual([93_600, 4_200]);
    expect(claim.delivered).toMatchObject({ implemented: 2, outcomes: 5 });
  });

  it('shows another organisation nothing of this one', async () => {
    const { journeys } = await outsider.scorecard.get();
    expect(journeys).toEqual([]);
    expect(await outsider.initiative.list()).toEqual([]);
    expect(await outsider.failurePoint.list()).toEqual([]);
  });
});
