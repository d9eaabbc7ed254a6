import { z } from 'zod';
import { ZId, ZName, ZText } from '../common/common.schema.ts';

export const KPI_KINDS = ['nps', 'csat', 'ces', 'rate', 'mean', 'median', 'p90', 'count', 'sum', 'ratio'] as const;
export const ZKpiKind = z.enum(KPI_KINDS);
export type KpiKind = z.infer<typeof ZKpiKind>;

export const ZGrain = z.enum(['day', 'week', 'month', 'quarter']);
export type Grain = z.infer<typeof ZGrain>;

export const ZKpiScope = z.discriminatedUnion('level', [
  z.object({ level: z.literal('organisation') }),
  z.object({ level: z.literal('journey'), journeyId: ZId }),
  z.object({ level: z.literal('step'), journeyId: ZId, stepId: ZId }),
]);
export type KpiScope = z.infer<typeof ZKpiScope>;

/** Which events feed a KPI: a survey instrument or an operational event type, with filters. */
export const ZKpiSource = z.discriminatedUnion('stream', [
  z.object({ stream: z.literal('survey'), instrument: z.enum(['nps', 'csat', 'ces']) }),
  z.object({
    stream: z.literal('operational'),
    eventType: z.string().min(1).max(64),
    /** For rates: the attribute that marks an event as meeting the condition. */
    conditionAttribute: z.string().min(1).max(64).optional(),
    /** For ratios: the event type whose count is the denominator. */
    denominatorEventType: z.string().min(1).max(64).optional(),
  }),
]);
export type KpiSource = z.infer<typeof ZKpiSource>;

const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;
const CRON_RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** A five-field cron expression (minute hour day month weekday) with numbers in range. */
export function isCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  return (
    fields.length === 5 &&
    fields.every((f, i) => {
      const [lo, hi] = CRON_RANGES[i]!;
      return CRON_FIELD.test(f) && (f.match(/\d+/g) ?? []).every((n, j, all) => (f.includes('/') && j === all.length - 1) || (Number(n) >= lo && Number(n) <= hi));
    })
  );
}

export const ZKpiInput = z.object({
  key: z.string().regex(/^[a-z0-9_.-]{2,64}$/, 'must be 2–64 lower-case letters, digits, dots, dashes or underscores'),
  name: ZName,
  description: ZText,
  unit: z.string().max(32),
  kind: ZKpiKind,
  source: ZKpiSource,
  scope: ZKpiScope,
  ownerTeamId: ZId.nullable(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  target: z.number().finite().nullable(),
  threshold: z.number().finite().nullable(),
  grain: ZGrain,
  /** Five-field cron expression for recomputation. */
  schedule: z.string().max(100).refine(isCron, 'must be a five-field cron expression, e.g. "0 3 * * *" for 03:00 daily'),
  valuePerPoint: z.number().finite().nullable(),
});
export type KpiInput = z.infer<typeof ZKpiInput>;

export const ZKpiUpdateInput = ZKpiInput.extend({ id: ZId, version: z.number().int().positive() });

export const ZKpiDefinition = ZKpiInput.extend({ id: ZId, version: z.number().int().positive() });
export type KpiDefinition = z.infer<typeof ZKpiDefinition>;
