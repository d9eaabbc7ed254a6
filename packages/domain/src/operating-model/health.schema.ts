import { z } from 'zod';
import { ZId } from '../common/common.schema.ts';

export const FINDING_KINDS = [
  'journey_without_owner',
  'step_overlap',
  'cross_boundary_dependency',
  'system_without_owner',
  'team_missing_capability',
  'kpi_without_owner',
  'kpi_without_target',
  'policy_outside_remit',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** One gap in the operating model; `fixAt` names the page where it is fixed. */
export const ZFinding = z.object({
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(['critical', 'warning']),
  message: z.string(),
  fixAt: z.object({ area: z.enum(['journey', 'team', 'system', 'kpi', 'policy']), id: ZId }),
});

export type Finding = z.infer<typeof ZFinding>;

export const ZModelHealth = z.object({
  findings: z.array(ZFinding),
  counts: z.record(z.enum(FINDING_KINDS), z.number().int().nonnegative()),
});
export type ModelHealth = z.infer<typeof ZModelHealth>;
