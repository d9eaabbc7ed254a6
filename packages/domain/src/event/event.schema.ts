import { z } from 'zod';
import { text, ZFigure, ZTimestampIn } from '../common/common.schema.ts';
import { eventTypeIssue, normaliseEventType } from './event-type.ts';

export const INSTRUMENT_SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } } as const;
/** The scales an instrument may be answered on: CSAT on 1–5 or 1–7 (PRODUCT.md), the others on their own. */
export const ALLOWED_SCALE_MAX = { nps: [10], csat: [5, 7], ces: [7] } as const;
export const ZInstrument = z.enum(['nps', 'csat', 'ces']);
export type Instrument = z.infer<typeof ZInstrument>;

/** Reads the time; validation reads it once per row, so a schema made once stays right for a long-running server. */
export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** How far after the server's clock a row may be dated: clocks drift by seconds, not by days. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/**
 * When a row happened: any ISO 8601 date-time from 1900 on, but not later than a few minutes after
 * `clock`. A row dated in the future would sit in a period that has not happened yet, and lead it.
 */
function occurredAt(clock: Clock) {
  return ZTimestampIn.superRefine((at, ctx) => {
    const now = clock();
    if (at.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `is in the future: ${at.toISOString()} is more than 5 minutes after the server's clock (${now.toISOString()})`,
      });
    }
  });
}

/** Where an integrator finds the ids: journey.list and journey.get, with a token holding model:read. */
const ZJourneyRef = z
  .uuid()
  .nullable()
  .describe(
    'The journey the row belongs to, by id: `journey.list` (GET /trpc/journey.list, a token with model:read) lists them. Null when not known; without a journey or step the row counts only towards organisation-wide KPIs.',
  );
const ZStepRef = z
  .uuid()
  .nullable()
  .describe(
    "The step the row belongs to, by id: `journey.get` (GET /trpc/journey.get, a token with model:read) lists a journey's stages and steps. Null when not known.",
  );

const ZExternalKey = {
  source: text().trim().min(1).max(64),
  externalId: text().trim().min(1).max(200),
};

/** A survey response, its date checked against `clock` (the system clock unless a test passes one). */
export const surveyResponseSchema = (clock: Clock = systemClock) =>
  z
    .object({
      ...ZExternalKey,
      instrument: ZInstrument,
      score: z.number().int(),
      /** The top of the scale the answer was given on: 7 for CSAT asked on 1–7; absent means the instrument's usual scale. */
      scale: z
        .number()
        .int()
        .nullable()
        .optional()
        .describe(
          "The top of the scale the question was asked on, a number: 10 for NPS, 5 or 7 for CSAT, 7 for CES. Null or absent means the instrument's usual scale (NPS 0–10, CSAT 1–5, CES 1–7); send 7 for CSAT asked on 1–7.",
        ),
      customerId: text().max(200).nullable(),
      journeyId: ZJourneyRef,
      stepId: ZStepRef,
      channel: text().max(32).nullable(),
      segment: text().max(64).nullable(),
      verbatim: text().max(10_000).nullable(),
      occurredAt: occurredAt(clock),
    })
    .superRefine((r, ctx) => {
      const allowed: readonly number[] = ALLOWED_SCALE_MAX[r.instrument];
      if (r.scale != null && !allowed.includes(r.scale)) {
        ctx.addIssue({ code: 'custom', path: ['scale'], message: `${r.instrument} is answered on a scale up to ${allowed.join(' or ')}` });
        return;
      }
      const { min } = INSTRUMENT_SCALES[r.instrument];
      const max = r.scale ?? INSTRUMENT_SCALES[r.instrument].max;
      if (r.score < min || r.score > max) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: `${r.instrument} scores run ${min}–${max}` });
      }
    });
export const ZSurveyResponse = surveyResponseSchema();
export type SurveyResponse = z.infer<typeof ZSurveyResponse>;

/**
 * An operational event's type: a known type in any case is stored in lower case, a near miss of
 * one is refused with the likely type, and any other type must be a lower-case name.
 */
const ZEventType = text()
  .trim()
  .min(1)
  .max(64)
  .overwrite(normaliseEventType)
  .superRefine((type, ctx) => {
    const issue = eventTypeIssue(type);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  })
  .describe(
    'What happened: contact, escalation, resolution, churn, renewal, revenue, cost, claim or sale (any case, stored in lower case), or a lower-case name of your own such as claim_reported. A near miss of a known type (chrun) is refused.',
  );

/** An operational event, its date checked against `clock`. */
export const operationalEventSchema = (clock: Clock = systemClock) =>
  z.object({
    ...ZExternalKey,
    type: ZEventType,
    value: ZFigure.nullable(),
    customerId: text().max(200).nullable(),
    journeyId: ZJourneyRef,
    stepId: ZStepRef,
    attributes: z.record(text().max(64), z.union([text().max(500), ZFigure, z.boolean()])),
    occurredAt: occurredAt(clock),
  });
export const ZOperationalEvent = operationalEventSchema();
export type OperationalEvent = z.infer<typeof ZOperationalEvent>;

/** What the nightly freshness check found for one organisation. */
export const ZDataFreshness = z.object({
  checkedAt: z.date(),
  latestSurveyAt: z.date().nullable(),
  latestEventAt: z.date().nullable(),
  staleSources: z.array(z.object({ source: z.string(), latestAt: z.date(), ageHours: z.number() })),
});
export type DataFreshness = z.infer<typeof ZDataFreshness>;

/** Most rows one ingestion call may carry (the request body is also capped at 2 MiB). */
export const MAX_INGEST_BATCH = 5_000;

export const surveyIngestInputSchema = (clock: Clock = systemClock) =>
  z.object({
    responses: z
      .array(surveyResponseSchema(clock))
      .min(1, 'send at least one response')
      .max(MAX_INGEST_BATCH, `send at most ${MAX_INGEST_BATCH} responses per call`),
  });

export const ZSurveyIngestInput = surveyIngestInputSchema();

export const operationalIngestInputSchema = (clock: Clock = systemClock) =>
  z.object({
    events: z
      .array(operationalEventSchema(clock))
      .min(1, 'send at least one event')
      .max(MAX_INGEST_BATCH, `send at most ${MAX_INGEST_BATCH} events per call`),
  });
export const ZOperationalIngestInput = operationalIngestInputSchema();

export const ZIngestResult = z.object({
  received: z.number().int(),
  /** Rows stored by this call. */
  inserted: z.number().int(),
  /** Rows already known by (source, externalId), left untouched. */
  duplicates: z.number().int(),
});
export type IngestResult = z.infer<typeof ZIngestResult>;
