import type { Scorecard } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { scorecardTotals } from './scorecard-totals.ts';

type Journey = Scorecard['journeys'][number];
type Kpi = Journey['kpis'][number];

const kpi = (status: Kpi['status']): Kpi => ({
  kpiId: 'k',
  name: 'K',
  unit: 'NPS',
  kind: 'nps',
  grain: 'month',
  direction: 'higher_is_better',
  target: 30,
  minSample: 30,
  period: { from: '2026-11-01', to: '2026-12-01', label: 'Nov 2026', complete: true },
  latest: null,
  toDate: null,
  trend: null,
  status,
  statusLabel: status,
  valuePerPoint: null,
  valuePerPointSource: null,
  valuePerPointDivergence: null,
  valueAtStake: null,
});

const noneDelivered: Journey['delivered'] = {
  implemented: 0,
  outcomesAchieved: 0,
  outcomes: 0,
  measured: 0,
  realisedAnnualValue: 0,
  realisedLow: 0,
  realisedHigh: 0,
  awaitingMeasurement: 0,
};

const journey = (over: Partial<Journey>): Journey => ({
  journeyId: 'j',
  journeyName: 'J',
  owner: 'Team',
  kpis: [],
  valueAtStake: 0,
  topFailurePoints: [],
  backlog: { initiatives: 0, annualValue: 0 },
  delivered: noneDelivered,
  outcomes: [],
  ...over,
});

describe('scorecard totals', () => {
  it('adds up value, failure cost, backlog and delivery across journeys', () => {
    const totals = scorecardTotals({
      organisationName: 'Harbour',
      generatedAt: '2026-11-27T10:00:00Z',
      periodLabel: 'Last complete period of each KPI',
      today: '2026-11-27',
      timeZone: 'UTC',
      journeys: [
        journey({
          valueAtStake: 241_000,
          kpis: [kpi('on_target'), kpi('short_of_target'), kpi('past_threshold'), kpi('too_few'), kpi('no_data')],
          topFailurePoints: [{ id: 'a', title: 'A', stepName: 's', annualCost: 93_600 }],
          backlog: { initiatives: 3, annualValue: 120_000 },
          delivered: {
            implemented: 2,
            outcomesAchieved: 1,
            outcomes: 3,
            measured: 1,
            realisedAnnualValue: 80_000,
            realisedLow: 50_000,
            realisedHigh: 120_000,
            awaitingMeasurement: 64_000,
          },
        }),
        journey({
          owner: null,
          valueAtStake: 10_000,
          kpis: [kpi('no_target')],
          topFailurePoints: [{ id: 'b', title: 'B', stepName: 's', annualCost: 6_400 }],
          delivered: {
            ...noneDelivered,
            implemented: 1,
            measured: 1,
            realisedAnnualValue: 20_000,
            realisedLow: -20_000,
            realisedHigh: 50_000,
          },
        }),
      ],
    });
    expect(totals).toEqual({
      journeys: 2,
      valueAtStake: 251_000,
      failureCost: 100_000,
      initiatives: 3,
      backlogValue: 120_000,
      implemented: 3,
      // Half-widths in quadrature: below √(30,000² + 40,000²) = 50,000; above √(40,000² + 30,000²) = 50,000.
      measured: 2,
      realisedAnnualValue: 100_000,
      realisedLow: 50_000,
      realisedHigh: 150_000,
      awaitingMeasurement: 64_000,
      outcomesAchieved: 1,
      outcomes: 3,
      kpisOnTarget: 1,
      kpisJudged: 3,
      kpisTooFew: 1,
      journeysWithoutOwner: 1,
    });
  });
});
