import { INITIATIVE_STAGES, type InitiativeStage } from '@throughline/domain';

export { INITIATIVE_STAGES };

const LABEL: Record<InitiativeStage, string> = {
  idea: 'Idea',
  designed: 'Designed',
  funded: 'Funded',
  in_delivery: 'In delivery',
  implemented: 'Implemented',
  measured: 'Measured',
};

/** What each stage means, for the board's column headings and the stepper. */
const MEANING: Record<InitiativeStage, string> = {
  idea: 'A change worth looking into, not yet made into a case.',
  designed: 'A full case: problem, hypothesis, outcomes, KPI uplift and costs. Awaiting funding.',
  funded: 'Approved by whoever holds the authority; its cost is committed.',
  in_delivery: 'Being built and rolled out, with an adoption plan.',
  implemented: 'Live in operations since its implementation date.',
  measured: 'Its KPI has been read after it went live: the acid test shows what moved.',
};

/** What an empty board column says: how an initiative gets there. */
const EMPTY: Record<InitiativeStage, string> = {
  idea: 'No ideas waiting. Start one with “New initiative”.',
  designed: 'None awaiting funding. An idea arrives here when its case passes the designed gate.',
  funded: 'None funded and waiting to start. Funding is decided on designed initiatives.',
  in_delivery: 'Nothing being delivered. A funded initiative starts delivery with a start date and an adoption plan.',
  implemented: 'Nothing live and waiting to be measured.',
  measured: 'Nothing measured yet. An implemented initiative is measured once its KPI has data from after it went live.',
};

export function stageEmpty(stage: InitiativeStage): string {
  return EMPTY[stage];
}

export function stageLabel(stage: InitiativeStage): string {
  return LABEL[stage];
}

export function stageMeaning(stage: InitiativeStage): string {
  return MEANING[stage];
}

/** The gates a person moves an initiative through with a button; funding is a decision instead. */
export type GateTarget = 'designed' | 'in_delivery' | 'implemented' | 'measured';

export interface NextStep {
  kind: 'gate' | 'funding' | 'done';
  to: InitiativeStage | null;
}

/** What comes after a stage: a gate to pass, a funding decision, or nothing (measured). */
export function nextStep(stage: InitiativeStage): NextStep {
  const index = INITIATIVE_STAGES.indexOf(stage);
  const to = INITIATIVE_STAGES[index + 1] ?? null;
  if (to === null) return { kind: 'done', to: null };
  if (to === 'funded') return { kind: 'funding', to };
  return { kind: 'gate', to };
}

const GATE_ACTION: Record<GateTarget, { button: string; pending: string; done: string; asks: string }> = {
  designed: {
    button: 'Mark as designed',
    pending: 'Checking the case…',
    done: 'is designed: it now awaits a funding decision.',
    asks: 'The designed gate asks for the problem (failure points or a statement), a hypothesis, at least one targeted outcome, the KPI with its expected uplift, and the costs.',
  },
  in_delivery: {
    button: 'Start delivery',
    pending: 'Starting delivery…',
    done: 'is in delivery.',
    asks: 'Starting delivery asks for the delivery start date and how adoption will be measured.',
  },
  implemented: {
    button: 'Mark implemented',
    pending: 'Marking implemented…',
    done: 'is implemented: the acid test compares its KPI before and after the implementation date.',
    asks: 'Implemented asks for the implementation date (not in the future, not before delivery started) and what changed in operations.',
  },
  measured: {
    button: 'Mark measured',
    pending: 'Checking the KPI…',
    done: 'is measured: see what moved in the acid test.',
    asks: 'Measured asks for KPI results after the implementation date.',
  },
};

export function gateAction(to: GateTarget) {
  return GATE_ACTION[to];
}

export function isGateTarget(stage: InitiativeStage | null): stage is GateTarget {
  return stage === 'designed' || stage === 'in_delivery' || stage === 'implemented' || stage === 'measured';
}
