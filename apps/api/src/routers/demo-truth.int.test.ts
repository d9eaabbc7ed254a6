import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN, listKpis, recomputeKpi, seedDemoIfEmpty, type Database } from '@throughline/db';
import { createTestDatabase } from '@throughline/db/testing';
import { belowMinimum, isJudged } from '@throughline/domain';
import { hashPassword } from '../auth/password.ts';
import { createInnerContext, recordingCookies } from '../context.ts';
import { scorecardCsv } from '../export/scorecard-csv.ts';
import { scorecardPdf } from '../export/scorecard-pdf.ts';
import { createCaller } from '../router.ts';

// The demo as the start command seeds it (its twelve months end at today's midnight, UTC), opened
// today, at 01:00 on the first of next month (the month just ended is mostly empty) and mid-month.
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const OPENED_ON = [
  new Date(),
  // 01:00 on the first of next month: the month just ended holds the demo's last days only.
  new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() + 1, 1, 1)),
  new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth(), 16, 9)),
];

let database: Database;
let orgId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, { adminPasswordHash: await hashPassword(DEMO_SIGN_IN.password), now: TODAY });
  orgId = (await database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  for (const kpi of await listKpis(database.db, orgId)) {
    await database.db.transaction().execute((trx) => recomputeKpi(trx, orgId, kpi, { full: true, now: new Date(), runId: randomUUID() }));
  }
}, 180_000);
afterAll(() => database.close());

async function callerAt(now: Date) {
  const actor = await createCaller(createInnerContext({ db: database.db, cookies: recordingCookies(null) })).auth.signIn(DEMO_SIGN_IN);
  return createCaller(createInnerContext({ db: database.db, actor, now: () => now }));
}

/** The PDF's text, as a reader sees it (poppler's pdftotext), or null where poppler is not installed. */
function pdfText(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-'));
  writeFileSync(join(dir, 's.pdf'), pdf);
  try {
    return execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

describe('the demo, opened on any date', () => {
  it.each(OPENED_ON.map((d) => [d.toISOString(), d]))(
    'leads with complete periods and claims nothing below the minimum sample (opened %s)',
    async (_label, now) => {
      const caller = await callerAt(now);
      const kpis = await caller.kpi.list();
      for (const kpi of kpis) {
        const { headline, change, toDate, series } = await caller.kpi.results({ kpiId: kpi.id });
        expect(headline.complete, kpi.key).toBe(true);
        expect(series.filter((p) => !p.complete).length, kpi.key).toBeLessThanOrEqual(1);
        if (toDate) expect(toDate.label, kpi.key).toMatch(/\(to date\)$/);
        if (headline.value && belowMinimum(kpi, headline.value.n)) expect(headline.status, kpi.key).toBe('too_few');
        if (change && !change.tested) expect(change.significant, kpi.key).toBe(false);
        if (change?.significant) expect(headline.value!.n, kpi.key).toBeGreaterThanOrEqual(kpi.minSample);
      }
      for (const alert of await caller.alert.list()) {
        const kpi = kpis.find((k) => k.id === alert.kpiId)!;
        expect(belowMinimum(kpi, alert.n), `${kpi.key} alert on ${alert.periodStart}`).toBe(false);
      }
      const scorecard = await caller.scorecard.get();
      for (const k of scorecard.journeys.flatMap((j) => j.kpis)) {
        expect(k.period.complete, k.name).toBe(true);
        if (!isJudged(k.status)) expect(k.valueAtStake, k.name).toBeNull();
        if (k.trend?.significant) expect(k.latest!.n, k.name).toBeGreaterThanOrEqual(k.minSample);
      }
    },
  );

  it('says the same thing about every KPI on its page, the scorecard, its CSV and its PDF', async () => {
    const caller = await callerAt(new Date());
    const scorecard = await caller.scorecard.get();
    const csv = parse<Record<string, string>>(scorecardCsv(scorecard), { columns: true });
    const pdf = pdfText(await scorecardPdf(scorecard));
    const rows = scorecard.journeys.flatMap((j) => j.kpis.map((k) => ({ journey: j.journeyName, k })));
    expect(rows.length).toBeGreaterThan(5);
    for (const { journey, k } of rows) {
      const page = await caller.kpi.results({ kpiId: k.kpiId });
      expect([k.status, k.statusLabel, k.period.label], k.name).toEqual([
        page.headline.status,
        page.headline.statusLabel,
        page.headline.label,
      ]);
      expect(k.latest?.value ?? null, k.name).toBe(page.headline.value?.value ?? null);
      expect(k.trend?.sentence ?? null, k.name).toBe(page.change?.description ?? null);
      const line = csv.find((r) => r.journey === journey && r.kpi === k.name)!;
      expect([line.status, line.status_label, line.period], k.name).toEqual([k.status, k.statusLabel, k.period.label]);
      // The PDF wraps its cells, and text extraction reads a wrapped cell's lines between its
      // neighbours' lines, so its words are matched in order with the row's other words between them.
      if (pdf !== null) {
        const words = k.statusLabel.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        expect(pdf.replace(/\s+/g, ' '), k.name).toMatch(new RegExp(words.join('[\\s\\S]{1,160}?')));
      }
    }
    // The dashboard's cards, read in one call, are each KPI's page without its segments.
    for (const params of [{}, { period: '2026-10-15' }, { from: '2026-09-01', to: '2026-11-30' }]) {
      const cards = await caller.kpi.dashboard({ periods: 12, ...params });
      for (const card of cards) {
        const { segments: _segments, ...page } = await caller.kpi.results({ kpiId: card.kpiId, periods: 12, ...params });
        expect(card, JSON.stringify(params)).toEqual({ kpiId: card.kpiId, ...page });
      }
      expect(cards).toHaveLength((await caller.kpi.list()).length);
    }
    // The PDF says what its marks and headline periods mean.
    if (pdf !== null) expect(pdf.replace(/\s+/g, ' ')).toMatch(/\* after a value: fewer answers than the KPI's minimum sample/);
    // Renewal churn is lower-is-better: wherever it is judged short of target, every view says "Above".
    for (const { k } of rows.filter(({ k }) => k.direction === 'lower_is_better' && k.status === 'short_of_target'))
      expect(k.statusLabel, k.name).toBe('Above target');
  });
});
