import { describe, expect, it } from 'vitest';
import { ZInitiativeInput } from './initiative.schema.ts';
import { checkGate, fundingAmount, routeFunding } from './initiative-lifecycle.ts';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;
const idea = ZInitiativeInput.parse({ title: 'Call-back before the assessor visit', journeyId: ids[0], teamId: ids[1] });
const designed = {
  ...idea,
  hypothesis: 'A call-back halves repeat calls',
  problem: 'Customers chase the visit',
  outcomeIds: [ids[0]],
  kpiId: ids[1],
  expectedUplift: 3,
  oneOffBusiness: 10_000,
};
const facts = { today: '2026-11-27' };

describe('initiative gates', () => {
  it('lists every field the designed gate needs, by path', () => {
    const r = checkGate('idea', 'designed', idea, facts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      'failurePointIds',
      'hypothesis',
      'outcomeIds',
      'kpiId',
      'expectedUplift',
      'oneOffBusiness',
    ]);
    expect(r.message).toMatch(/^It cannot be designed yet: failurePointIds name the problem/);
    expect(checkGate('idea', 'designed', designed, facts)).toEqual({ ok: true });
  });

  it('moves one stage at a time and never skips a gate', () => {
    const r = checkGate('idea', 'implemented', designed, facts);
    expect(r).toMatchObject({ ok: false, message: 'An initiative that is idea cannot move to implemented; its next stage is designed.' });
    expect(checkGate('measured', 'idea', designed, facts)).toMatchObject({ ok: false });
  });

  it('funds only through a funding decision', () => {
    expect(checkGate('designed', 'funded', designed, facts)).toMatchObject({ ok: false, message: /through a funding decision/ });
    expect(checkGate('designed', 'funded', designed, facts, true)).toEqual({ ok: true });
  });

  it('needs a delivery start and an adoption measure to start delivery', () => {
    const r = checkGate('funded', 'in_delivery', designed, facts);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['deliveryStartOn', 'usageMeasure']);
    expect(
      checkGate(
        'funded',
        'in_delivery',
        { ...designed, deliveryStartOn: '2026-03-01', usageMeasure: 'share of visits booked by call-back' },
        facts,
      ),
    ).toEqual({ ok: true });
  });

  it('needs a past implementation date and what changed', () => {
    const inDelivery = { ...designed, deliveryStartOn: '2026-03-01', usageMeasure: 'x' };
    const future = checkGate(
      'in_delivery',
      'implemented',
      { ...inDelivery, implementedOn: '2026-12-01', changeSummary: 'Call-backs live' },
      facts,
    );
    expect(future.ok ? [] : future.issues).toEqual([{ path: 'implementedOn', message: 'cannot be in the future' }]);
    const early = checkGate(
      'in_delivery',
      'implemented',
      { ...inDelivery, implementedOn: '2026-02-01', changeSummary: 'Call-backs live' },
      facts,
    );
    expect(early.ok ? [] : early.issues).toEqual([{ path: 'implementedOn', message: 'cannot be before delivery started' }]);
    expect(
      checkGate('in_delivery', 'implemented', { ...inDelivery, implementedOn: '2026-06-01', changeSummary: 'Call-backs live' }, facts),
    ).toEqual({ ok: true });
  });

  it('is measured only once results after implementation exist', () => {
    expect(checkGate('implemented', 'measured', designed, { ...facts, resultsAfterImplementation: false })).toMatchObject({ ok: false });
    expect(checkGate('implemented', 'measured', designed, { ...facts, resultsAfterImplementation: true })).toEqual({ ok: true });
  });
});

describe('funding routing', () => {
  it('commits the one-off cost and a first year of running', () => {
    expect(fundingAmount({ oneOffBusiness: 10, oneOffTechnology: 20, runningBusiness: 3, runningTechnology: 4 })).toBe(37);
  });
  it('is the team’s within its authority and the council’s above it', () => {
    expect(routeFunding(50_000, 50_000).approver).toBe('team');
    expect(routeFunding(50_000.01, 50_000).approver).toBe('council');
  });
});
