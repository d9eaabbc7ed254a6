import type { Approver } from '../policy/change-proposal.schema.ts';
import type { InitiativeInput, InitiativeStage } from './initiative.schema.ts';

export type GateProblem = { path: string; message: string };
export type GateResult = { ok: true } | { ok: false; message: string; issues: GateProblem[] };

/** Facts from outside the initiative that a gate needs. */
export interface GateFacts {
  today: string;
  /** For `measured`: whether its KPI has results after the implementation date. */
  resultsAfterImplementation?: boolean;
}

const NEXT: Record<InitiativeStage, InitiativeStage | null> = {
  idea: 'designed',
  designed: 'funded',
  funded: 'in_delivery',
  in_delivery: 'implemented',
  implemented: 'measured',
  measured: null,
};

/** What each gate asks of the initiative, as field paths with reasons. */
function gateProblems(i: InitiativeInput, to: InitiativeStage, facts: GateFacts): GateProblem[] {
  const p: GateProblem[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || p.push({ path, message });
  switch (to) {
    case 'designed':
      need(
        i.problem.trim() !== '' || i.failurePointIds.length > 0,
        'failurePointIds',
        'name the problem: the failure points it fixes, or a problem statement',
      );
      need(i.hypothesis.trim() !== '', 'hypothesis', 'is required: what you believe will change, and why');
      need(i.outcomeIds.length > 0, 'outcomeIds', 'target at least one of the journey’s outcomes');
      need(i.kpiId !== null, 'kpiId', 'is required: the KPI the uplift is promised on');
      need(i.expectedUplift !== null && i.expectedUplift !== 0, 'expectedUplift', 'is required: how many points it should move the KPI');
      need(
        i.oneOffBusiness + i.oneOffTechnology + i.runningBusiness + i.runningTechnology > 0,
        'oneOffBusiness',
        'an investment case needs its costs',
      );
      break;
    case 'in_delivery':
      need(i.deliveryStartOn !== null, 'deliveryStartOn', 'is required: when delivery starts');
      need(i.usageMeasure.trim() !== '', 'usageMeasure', 'is required: the adoption plan says how use will be measured');
      break;
    case 'implemented':
      need(i.implementedOn !== null, 'implementedOn', 'is required: the acid test compares before and after this date');
      need(i.implementedOn === null || i.implementedOn <= facts.today, 'implementedOn', 'cannot be in the future');
      need(
        i.deliveryStartOn === null || i.implementedOn === null || i.implementedOn >= i.deliveryStartOn,
        'implementedOn',
        'cannot be before delivery started',
      );
      need(i.changeSummary.trim() !== '', 'changeSummary', 'is required: what changed in operations');
      need(
        i.rollout.waves.length === 0 || i.implementedOn === null || i.rollout.waves[0]!.startsOn === i.implementedOn,
        'rollout.waves.0.startsOn',
        'is when the change first went live: make it the implementation date',
      );
      break;
    case 'measured':
      need(
        facts.resultsAfterImplementation === true,
        'kpiId',
        'has no results after the implementation date yet: measure once data has arrived',
      );
      break;
    default:
      break;
  }
  return p;
}

const LABEL: Record<InitiativeStage, string> = {
  idea: 'idea',
  designed: 'designed',
  funded: 'funded',
  in_delivery: 'in delivery',
  implemented: 'implemented',
  measured: 'measured',
};

/**
 * idea → designed → funded → in_delivery → implemented → measured, one gate at a time, each
 * requiring its fields. Funding is not a move anyone may make: it is a decision (see routeFunding).
 */
export function checkGate(
  from: InitiativeStage,
  to: InitiativeStage,
  i: InitiativeInput,
  facts: GateFacts,
  viaFundingDecision = false,
): GateResult {
  if (NEXT[from] !== to) {
    return {
      ok: false,
      message: `An initiative that is ${LABEL[from]} cannot move to ${LABEL[to]}${NEXT[from] ? `; its next stage is ${LABEL[NEXT[from]]}` : ''}.`,
      issues: [],
    };
  }
  if (to === 'funded' && !viaFundingDecision) {
    return { ok: false, message: 'Funding is approved by whoever holds the authority, through a funding decision.', issues: [] };
  }
  const issues = gateProblems(i, to, facts);
  if (issues.length === 0) return { ok: true };
  return { ok: false, message: `It cannot be ${LABEL[to]} yet: ${issues.map((x) => `${x.path} ${x.message}`).join('; ')}.`, issues };
}

/** The money a funding decision commits: the one-off cost and the first year of running it. */
export function fundingAmount(
  i: Pick<InitiativeInput, 'oneOffBusiness' | 'oneOffTechnology' | 'runningBusiness' | 'runningTechnology'>,
): number {
  return i.oneOffBusiness + i.oneOffTechnology + i.runningBusiness + i.runningTechnology;
}

/** Funding within the owning team's spending authority is the team's call; above it, the council's. */
export function routeFunding(amount: number, spendingAuthority: number): { approver: Approver; reason: string } {
  return amount <= spendingAuthority
    ? { approver: 'team', reason: 'The funding is within the owning team’s spending authority.' }
    : { approver: 'council', reason: 'The funding exceeds the owning team’s spending authority: the CX council decides.' };
}

/** Stages whose cost is committed against the team's budget. */
export const COMMITTED_STAGES: readonly InitiativeStage[] = ['funded', 'in_delivery', 'implemented', 'measured'];
