import { z } from 'zod';
import { COMMITTED_STAGES } from './initiative-lifecycle.ts';
import type { InitiativeStage } from './initiative.schema.ts';

export const ZSplit = z.object({ business: z.number(), technology: z.number() });

export const ZTeamBudget = z.object({
  teamId: z.string(),
  teamName: z.string(),
  annualBudget: z.number(),
  committed: ZSplit,
  spent: ZSplit,
  /** Budget minus committed cost: negative when the team has promised more than it has. */
  headroom: z.number(),
  /** The systems its committed initiatives change: what the technology money buys. */
  systems: z.array(z.object({ systemId: z.string(), systemName: z.string(), initiatives: z.number().int() })),
  initiatives: z.number().int(),
});
export type TeamBudget = z.infer<typeof ZTeamBudget>;

export interface BudgetLine {
  stage: InitiativeStage;
  oneOffBusiness: number;
  oneOffTechnology: number;
  runningBusiness: number;
  runningTechnology: number;
  spentBusiness: number;
  spentTechnology: number;
}

/**
 * A team's year: committed = one-off plus a year's running cost of every initiative from funding
 * on; spent = what those initiatives report spent. Ideas and designs commit nothing.
 */
export function teamBudgetTotals(annualBudget: number, lines: readonly BudgetLine[]) {
  const committed = { business: 0, technology: 0 };
  const spent = { business: 0, technology: 0 };
  let initiatives = 0;
  for (const l of lines) {
    if (!COMMITTED_STAGES.includes(l.stage)) continue;
    initiatives += 1;
    committed.business += l.oneOffBusiness + l.runningBusiness;
    committed.technology += l.oneOffTechnology + l.runningTechnology;
    spent.business += l.spentBusiness;
    spent.technology += l.spentTechnology;
  }
  return { committed, spent, headroom: annualBudget - committed.business - committed.technology, initiatives };
}
