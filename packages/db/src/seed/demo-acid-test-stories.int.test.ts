import { randomUUID } from 'node:crypto';
import type { AcidTestEntry } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { acidTest } from '../queries/acid-test.queries.ts';
import { listInitiatives } from '../queries/initiative.queries.ts';
import { recomputeKpi } from '../queries/kpi-engine.queries.ts';
import { listKpis } from '../queries/kpi.queries.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { QUOTE_HOLDOUT_SEGMENT } from './demo-acid-test-stories.ts';
import { seedDemoIfEmpty } from './seed.ts';

// Seeded as the start command seeds it, its twelve months ending at today's midnight (UTC): the
// investment case's minimum detectable effect reads each KPI's last 91 days up to the database's
// own date, so a window ending on another day would leave it too little or too much to read.
// (seed.int.test.ts checks the verdicts again for a fixed day.)
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const SEED_TIMEOUT = 120_000;
/** What the chat's +0.4 on each answer's mean comes to in the KPI, once the 1–7 scale's ends have rounded some away. */
const CHAT_EFFECT_IN_KPI = 0.35;

let database: Database;
let orgId = '';
let report: AcidTestEntry[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, { adminPasswordHash: 'scrypt$demo-hash', now: TODAY });
  orgId = (await database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  const kpis = await listKpis(database.db, orgId);
  for (const key of ['buy.ces', 'claim.settlement.csat']) {
    const kpi = kpis.find((k) => k.key === key)!;
    await database.db.transaction().execute((trx) => recomputeKpi(trx, orgId, kpi, { full: true, now: TODAY, runId: randomUUID() }));
  }
  report = await acidTest(database.db, orgId, TODAY.toISOString().slice(0, 10));
}, SEED_TIMEOUT);
afterAll(() => database?.close());

/** The initiative's one KPI (buying effort) in the acid test. */
function onlyKpi(title: string) {
  const entry = report.find((e) => e.title === title);
  expect(entry, title).toBeDefined();
  expect(entry!.kpis.map((k) => k.kpiName)).toEqual(['Quote and buy effort (CES)']);
  return { entry: entry!, kpi: entry!.kpis[0]! };
}

const mean = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.reduce((s, x) => s + x, 0) / known.length;
};

describe('the demo’s acid-test stories', () => {
  it('credits the season to the plain-English quote page before vs after, and nothing against the Landlord holdout', () => {
    const { entry, kpi } = onlyKpi('Plain-English quote page');
    // Before vs after alone says the page worked, significantly.
    expect(kpi.difference!).toBeGreaterThan(0.1);
    expect(kpi.pValue!).toBeLessThan(0.05);
    // Against the customers it never reached, there is nothing left: the season lifted both.
    const did = kpi.differenceInDifferences!;
    expect(did.waves.map((w) => w.comparisonLabels)).toEqual([[`Holdout (${QUOTE_HOLDOUT_SEGMENT})`]]);
    expect(did.low).toBeLessThan(0);
    expect(did.high).toBeGreaterThan(0);
    expect(did.preTrend.parallel).toBe(true);
    for (const side of ['treated', 'comparison'] as const) {
      const before = mean(did.series.filter((w) => !w.after).map((w) => w[side]));
      const after = mean(did.series.filter((w) => w.after).map((w) => w[side]));
      expect(after - before, `${side} customers recover from the season`).toBeGreaterThan(0.1);
    }
    expect(kpi.design).toBe('difference_in_differences');
    expect(kpi.movement).toBe('no_measurable_movement');
    expect(entry.verdict).toBe('no_measurable_movement');
  });

  it('finds the adviser chat’s effect in each wave against the customers it had not reached yet', () => {
    const { entry, kpi } = onlyKpi('Adviser chat on every quote page');
    const did = kpi.differenceInDifferences!;
    const holdout = `Holdout (${QUOTE_HOLDOUT_SEGMENT})`;
    expect(did.waves.map((w) => w.label)).toEqual(['Wave 1 (Homeowner)', 'Wave 2 (First-time buyer, Tenant (contents only))']);
    // Wave 2 waited fourteen weeks: until then it is wave 1's comparison as well as the holdout.
    expect(did.waves.map((w) => w.comparisonLabels)).toEqual([[did.waves[1]!.label, holdout], [holdout]]);
    expect(did.low).toBeGreaterThan(0);
    expect(did.low).toBeLessThanOrEqual(CHAT_EFFECT_IN_KPI);
    expect(did.high).toBeGreaterThanOrEqual(CHAT_EFFECT_IN_KPI);
    expect(did.preTrend.parallel).toBe(true);
    expect(kpi.design).toBe('difference_in_differences');
    expect(kpi.movement).toBe('improved');
    expect(entry.verdict).toBe('improved');
  });

  it('warns, before funding, that the settlement letter’s uplift is below what Settlement CSAT could show', async () => {
    const initiative = (await listInitiatives(database.db, orgId)).find((i) => i.title === 'Settlement letter that shows the sums')!;
    const settlementCsat = (await listKpis(database.db, orgId)).find((k) => k.key === 'claim.settlement.csat')!;
    expect(initiative.stage).toBe('designed');
    expect(initiative.detectability).toMatchObject({ kpiId: settlementCsat.id, belowDetectable: true });
    // A few dozen answers a month: it would take a move several times the 3 points promised.
    expect(initiative.detectability!.perMonth).toBeLessThan(80);
    expect(initiative.detectability!.minimumDetectable!).toBeGreaterThan(2 * initiative.expectedUplift!);
  });
});
