import { z } from 'zod';
import { text, ZFigure, ZId, ZName, ZSignedMoney, ZText, ZVersion } from '../common/common.schema.ts';

/** `ces_agree` is CES 2.0's "% agree" (answers 5–7 of 1–7), a share; `ces` is its mean. */
export const KPI_KINDS = ['nps', 'csat', 'ces', 'ces_agree', 'rate', 'mean', 'median', 'p90', 'count', 'sum', 'ratio'] as const;
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

/**
 * A survey KPI's stated scale: the top of the scale its answers are on, and from which score an
 * answer counts as positive (CSAT's top box, CES's agreement). NPS is always 0–10, promoters 9–10.
 */
export const ZSurveyScale = z.object({ max: z.number().int(), positiveFrom: z.number().int() });
export type SurveyScale = z.infer<typeof ZSurveyScale>;

export const DEFAULT_SURVEY_SCALE = {
  nps: { max: 10, positiveFrom: 9 },
  csat: { max: 5, positiveFrom: 4 },
  ces: { max: 7, positiveFrom: 5 },
} as const;

/** The scale a survey KPI reads: the one stated on it, or its instrument's usual one. */
export function surveyScale(source: { instrument: 'nps' | 'csat' | 'ces'; scale?: SurveyScale | undefined }): SurveyScale {
  return source.scale ?? DEFAULT_SURVEY_SCALE[source.instrument];
}

const ZSurveySource = z
  .object({ stream: z.literal('survey'), instrument: z.enum(['nps', 'csat', 'ces']), scale: ZSurveyScale.optional() })
  .superRefine((src, ctx) => {
    if (!src.scale) return;
    const { max, positiveFrom } = src.scale;
    if (src.instrument === 'csat' ? max !== 5 && max !== 7 : max !== DEFAULT_SURVEY_SCALE[src.instrument].max) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale', 'max'],
        message:
          src.instrument === 'csat'
            ? 'CSAT is asked on 1–5 or 1–7'
            : `${src.instrument} runs to ${DEFAULT_SURVEY_SCALE[src.instrument].max}`,
      });
    } else if (src.instrument === 'nps' && positiveFrom !== 9) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'positiveFrom'], message: 'NPS promoters are 9–10' });
    } else if (positiveFrom < 2 || positiveFrom > max) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'positiveFrom'], message: `must be between 2 and ${max}` });
    }
  });

/** Which events feed a KPI: a survey instrument or an operational event type, with filters. */
export const ZKpiSource = z.discriminatedUnion('stream', [
  ZSurveySource,
  z.object({
    stream: z.literal('operational'),
    eventType: text().min(1).max(64),
    /** For rates: the attribute that marks an event as meeting the condition. */
    conditionAttribute: text().min(1).max(64).optional(),
    /** For ratios: the event type whose count is the denominator. */
    denominatorEventType: text().min(1).max(64).optional(),
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
      return (
        CRON_FIELD.test(f) &&
        (f.match(/\d+/g) ?? []).every((n, j, all) => (f.includes('/') && j === all.length - 1) || (Number(n) >= lo && Number(n) <= hi))
      );
    })
  );
}

/** The kinds each source can give: a survey instrument gives its own score (CES also its "% agree"); events give the rest. */
export const KINDS_BY_SOURCE: Record<'nps' | 'csat' | 'ces' | 'operational', readonly KpiKind[]> = {
  nps: ['nps'],
  csat: ['csat'],
  ces: ['ces', 'ces_agree'],
  operational: ['rate', 'mean', 'median', 'p90', 'count', 'sum', 'ratio'],
};

/** Why a KPI's kind cannot come from its source, or null when it can. */
export function kindSourceMismatch(kind: KpiKind, source: KpiSource): string | null {
  const from = source.stream === 'survey' ? source.instrument : 'operational';
  const allowed = KINDS_BY_SOURCE[from];
  if (allowed.includes(kind)) return null;
  const what = source.stream === 'survey' ? `${source.instrument.toUpperCase()} answers` : 'operational events';
  return `${what} cannot give a ${kind} KPI; they give ${allowed.join(', ')}`;
}

/** The default minimum sample: below it a result makes no claim (no significance, status, alert or value at stake). */
export const DEFAULT_MIN_SAMPLE = 30;

const ZKpiFields = z.object({
  key: text().regex(/^[a-z0-9_.-]{2,64}$/, 'must be 2–64 lower-case letters, digits, dots, dashes or underscores'),
  name: ZName,
  description: ZText,
  unit: text().max(32),
  kind: ZKpiKind,
  source: ZKpiSource,
  scope: ZKpiScope,
  ownerTeamId: ZId.nullable(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  target: ZFigure.nullable(),
  threshold: ZFigure.nullable(),
  grain: ZGrain,
  /** Five-field cron expression for recomputation. */
  schedule: text().max(100).refine(isCron, 'must be a five-field cron expression, e.g. "0 3 * * *" for 03:00 daily'),
  valuePerPoint: ZSignedMoney.nullable(),
  /**
   * Why an entered value per point stands although it lies outside the value model's 95%
   * interval: required then, and kept with the KPI and in the audit log.
   */
  valuePerPointReason: text().trim().max(2_000).nullable().default(null),
  /** Below this many answers or events a period's result is shown but makes no claim. */
  minSample: z.number().int().min(2).max(1_000_000).default(DEFAULT_MIN_SAMPLE),
});

function checkKindAndSource(kpi: { kind: KpiKind; source: KpiSource }, ctx: z.RefinementCtx): void {
  const mismatch = kindSourceMismatch(kpi.kind, kpi.source);
  if (mismatch) ctx.addIssue({ code: 'custom', path: ['kind'], message: mismatch });
}

export const ZKpiInput = ZKpiFields.superRefine(checkKindAndSource);
export type KpiInput = z.infer<typeof ZKpiInput>;

/** An update leaves the minimum sample and the value's reason as they are when it does not name them. */
export const ZKpiUpdateInput = ZKpiFields.extend({
  id: ZId,
  version: ZVersion,
  valuePerPointReason: ZKpiFields.shape.valuePerPointReason.unwrap().optional(),
  minSample: ZKpiFields.shape.minSample.unwrap().optional(),
}).superRefine(checkKindAndSource);

export const ZKpiDefinition = ZKpiFields.extend({ id: ZId, version: ZVersion });
export type KpiDefinition = z.infer<typeof ZKpiDefinition>;
