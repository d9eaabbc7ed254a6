import { z } from 'zod';
import { getOrganisationOverview } from '@throughline/db';
import { memberProcedure, router } from '../trpc.ts';

const ZOverview = z.object({
  teams: z.number().int(),
  journeys: z.number().int(),
  systems: z.number().int(),
  policies: z.number().int(),
  kpis: z.number().int(),
  surveyResponses: z.number().int(),
  operationalEvents: z.number().int(),
  freshness: z
    .object({
      checkedAt: z.date(),
      latestSurveyAt: z.date().nullable(),
      latestEventAt: z.date().nullable(),
      staleSourceCount: z.number().int(),
    })
    .nullable(),
});

export const organisationRouter = router({
  overview: memberProcedure.output(ZOverview).query(({ ctx }) => getOrganisationOverview(ctx.db, ctx.actor.organisationId)),
});
