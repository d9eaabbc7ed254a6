import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualCostOfFailure } from '../failure-point/failure-cost.ts';
import { ZFailurePointInput } from '../failure-point/failure-point.schema.ts';
import { investmentFigures } from '../initiative/investment-case.ts';
import { ZInitiativeInput } from '../initiative/initiative.schema.ts';
import { ZKpiInput } from '../kpi/kpi.schema.ts';
import { valueAtStake } from '../scorecard/scorecard.ts';
import { ZTeamInput } from '../team/team.schema.ts';
import {
  MAX_FIGURE,
  MAX_INT,
  MAX_MONEY,
  text,
  ZFigure,
  ZIsoDate,
  ZMoney,
  ZName,
  ZSignedMoney,
  ZText,
  ZTimestampIn,
  ZVersion,
} from './common.schema.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('text', () => {
  it('refuses a NUL character, saying so, wherever it sits', () => {
    for (const s of ['a\u0000b', '\u0000', 'trailing\u0000'])
      expect(messages(text().safeParse(s))).toEqual([['', 'must not contain a NUL character (\\u0000)']]);
    // Trimming would not hide it, and a name's other rules add nothing to the one reason.
    expect(messages(ZName.safeParse('  \u0000  '))).toEqual([['', 'must not contain a NUL character (\\u0000)']]);
  });

  it('refuses half of a surrogate pair, alone, reversed or at either end', () => {
    for (const s of ['a\uD800b', '\uDC00', 'end\uD83D', '\uDE42\uD83D']) {
      expect(messages(ZText.safeParse(s))).toEqual([['', 'must not contain an unpaired UTF-16 surrogate (half of a character)']]);
    }
  });

  it('accepts any well-formed text: other control characters, every script, emoji made of pairs', () => {
    for (const s of ['', 'Line one\nline two\r\n\ttabbed', 'naïve 日本語 עברית', '🙂👩‍👩‍👧', '\\u0000 written out', '\u0001\u001f\u007f'])
      expect(text().parse(s)).toBe(s);
    expect(ZName.parse('  Claims  ')).toBe('Claims');
  });
});

describe('dates and times', () => {
  it('take calendar days from 1900 to 2999, which PostgreSQL holds with room for the period after', () => {
    for (const ok of ['1900-01-01', '2026-11-30', '2999-12-31']) expect(ZIsoDate.parse(ok)).toBe(ok);
    for (const bad of ['0000-01-01', '0001-01-01', '1899-12-31', '3000-01-01', '9999-12-01'])
      expect(messages(ZIsoDate.safeParse(bad))).toEqual([['', 'must be between 1900-01-01 and 2999-12-31']]);
    expect(messages(ZIsoDate.safeParse('yesterday'))).toEqual([['', 'Invalid ISO date']]);
  });

  it('take points in time in the same years, the extremes of a JavaScript date among those refused', () => {
    expect(ZTimestampIn.parse('2026-11-01T10:00:00+01:00')).toEqual(new Date('2026-11-01T09:00:00Z'));
    for (const bad of [
      '+275760-09-13T00:00:00Z',
      '-271821-04-20T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
    ]) {
      expect(messages(ZTimestampIn.safeParse(bad))).toEqual([['', 'must be between 1900-01-01 and 2999-12-31']]);
    }
    expect(ZTimestampIn.safeParse('yesterday').error?.issues).toHaveLength(1);
  });
});

describe('numbers', () => {
  it('keep money inside numeric(14,2): a trillion, the old schema’s own maximum, is refused', () => {
    expect(ZMoney.parse(MAX_MONEY)).toBe(999_999_999_999.99);
    expect(String(MAX_MONEY)).toBe('999999999999.99');
    for (const bad of [1e12, -0.01, Number.MAX_VALUE]) expect(ZMoney.safeParse(bad).success, String(bad)).toBe(false);
    expect(ZSignedMoney.parse(-MAX_MONEY)).toBe(-MAX_MONEY);
    expect(ZSignedMoney.safeParse(1e308).success).toBe(false);
  });

  it('keep figures within ±1e12 and versions within an int column', () => {
    expect(ZFigure.parse(-MAX_FIGURE)).toBe(-1e12);
    for (const bad of [1e12 + 1, -1e308, Infinity, Number.NaN]) expect(ZFigure.safeParse(bad).success, String(bad)).toBe(false);
    expect(ZVersion.parse(MAX_INT)).toBe(2_147_483_647);
    expect(ZVersion.safeParse(MAX_INT + 1).success).toBe(false);
  });

  it('are used by the inputs people type money and targets into', () => {
    const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.'));
    expect(
      paths(ZTeamInput.safeParse({ name: 'Claims', purpose: '', capabilities: [], annualBudget: 1e12, spendingAuthority: 0 })),
    ).toEqual(['annualBudget']);
    const failurePoint = {
      journeyId: crypto.randomUUID(),
      stepId: crypto.randomUUID(),
      title: 'Chasing',
      description: '',
      expectation: 5,
      capability: 2,
      frequency: 10,
      frequencyPeriod: 'month',
      costBasis: 'contact',
      unitCost: 1e12,
    };
    expect(paths(ZFailurePointInput.safeParse(failurePoint))).toEqual(['unitCost']);
    const kpi = {
      key: 'claim.nps',
      name: 'Claim NPS',
      description: '',
      unit: 'points',
      kind: 'nps',
      source: { stream: 'survey', instrument: 'nps' },
      scope: { level: 'organisation' },
      ownerTeamId: null,
      direction: 'higher_is_better',
      target: 1e308,
      threshold: -1e308,
      grain: 'month',
      schedule: '0 3 * * *',
      valuePerPoint: 1e308,
    };
    expect(paths(ZKpiInput.safeParse(kpi))).toEqual(['target', 'threshold', 'valuePerPoint']);
    const initiative = {
      title: 'Call back',
      journeyId: crypto.randomUUID(),
      teamId: crypto.randomUUID(),
      valuePerPointOverride: 1e308,
      usageValue: -1e308,
      spentBusiness: 1e12,
    };
    expect(paths(ZInitiativeInput.safeParse(initiative))).toEqual(['valuePerPointOverride', 'usageValue', 'spentBusiness']);
  });
});

describe('every figure computed from bounded inputs is finite', () => {
  const money = fc.double({ min: 0, max: MAX_MONEY, noNaN: true });
  const signedMoney = fc.double({ min: -MAX_MONEY, max: MAX_MONEY, noNaN: true });
  const figure = fc.double({ min: -MAX_FIGURE, max: MAX_FIGURE, noNaN: true });

  it('value at stake, for a KPI reading far beyond any target (a sum over a whole table)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e24, max: 1e24, noNaN: true }),
        figure,
        signedMoney,
        fc.boolean(),
        (current, target, perPoint, higher) => {
          expect(Number.isFinite(valueAtStake(current, target, higher ? 'higher_is_better' : 'lower_is_better', perPoint))).toBe(true);
        },
      ),
    );
  });

  it('an investment case’s value, ROI, payback and priority', () => {
    const uplift = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        uplift,
        signedMoney,
        (oneOffBusiness, oneOffTechnology, runningBusiness, runningTechnology, expectedUplift, perPoint) => {
          const figures = investmentFigures(
            {
              oneOffBusiness,
              oneOffTechnology,
              runningBusiness,
              runningTechnology,
              itEffortDays: 0,
              systemIds: [],
              kpiId: null,
              expectedUplift,
              upliftConfidence: 'high',
              valuePerPointOverride: perPoint,
            },
            { value: perPoint, source: 'override' },
          );
          for (const key of ['oneOff', 'annualRunning', 'annualValue', 'roi', 'paybackMonths', 'priority'] as const) {
            const x = figures[key];
            expect(x === null || Number.isFinite(x), `${key} = ${x}`).toBe(true);
          }
        },
      ),
    );
  });

  it('a failure point’s annual cost at the most frequent and the dearest', () => {
    expect(Number.isFinite(annualCostOfFailure({ frequency: 1e9, frequencyPeriod: 'week', unitCost: MAX_MONEY }))).toBe(true);
  });
});
