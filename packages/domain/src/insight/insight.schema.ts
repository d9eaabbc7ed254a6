import { z } from 'zod';
import { text, ZId, ZIsoDate, ZName, ZVersion } from '../common/common.schema.ts';

export const INSIGHT_SOURCES = ['interview', 'survey', 'analytics', 'frontline'] as const;
export const ZInsightSource = z.enum(INSIGHT_SOURCES);
export const ZInsightKind = z.enum(['finding', 'verbatim']);
export const ZConfidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof ZConfidence>;

export const ZInsightInput = z.object({
  kind: ZInsightKind,
  title: ZName,
  body: text().trim().min(1, 'is required').max(10_000),
  source: ZInsightSource,
  observedOn: ZIsoDate,
  confidence: ZConfidence,
  personas: z.array(text().trim().min(1).max(100)).max(20).default([]),
  journeyIds: z.array(ZId).max(20).default([]),
  stepIds: z.array(ZId).max(50).default([]),
  failurePointIds: z.array(ZId).max(50).default([]),
  initiativeIds: z.array(ZId).max(50).default([]),
});
export type InsightInput = z.infer<typeof ZInsightInput>;

export const ZInsightUpdateInput = ZInsightInput.extend({ id: ZId, version: ZVersion });

export const ZInsight = ZInsightInput.extend({
  id: ZId,
  /** With a search: the passage that matched, the matching words between « and ». */
  headline: z.string().nullable(),
  version: ZVersion,
});
export type Insight = z.infer<typeof ZInsight>;

export const ZInsightSearch = z.object({
  query: text().trim().max(200).optional(),
  journeyId: ZId.optional(),
  failurePointId: ZId.optional(),
  initiativeId: ZId.optional(),
  source: ZInsightSource.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type InsightSearch = z.infer<typeof ZInsightSearch>;
