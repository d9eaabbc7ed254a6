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

const journey = (over: Partial<Journey>): Journey => ({
  journeyId: 'j',
  journeyName: 'J',
  owner: 'Team',
  kpis: [],
  valueAtStake: 0,
  topFailurePoints: [],
  backlog: { initiatives: 0, annualValue: 0 },
  delivered: { implemented: 0, outcomesAchieved: 0, outcomes: 0 },
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
          delivered: { implemented: 1, outcomesAchieved: 1, outcomes: 3 },
        }),
        journey({
          owner: null,
          valueAtStake: 10_000,
          kpis: [kpi('no_target')],
          topFailurePoints: [{ id: 'b', title: 'B', stepName: 's', annualCost: 6_400 }],
        }),
      ],
    });
    expect(totals).toEqual({
      journeys: 2,
      valueAtStake: 251_000,
      failureCost: 100_000,
      initiatives: 3,
      backlogValue: 120_000,
      implemented: 1,
      outcomesAchieved: 1,
      outcomes: 3,
      kpisOnTarget: 1,
      kpisJudged: 3,
      kpisTooFew: 1,
      journeysWithoutOwner: 1,
    });
  });
});
