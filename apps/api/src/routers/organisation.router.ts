import { z } from 'zod';
import { ZTimestampOut } from '@throughline/domain';
import { getOrganisationOverview } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

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
      checkedAt: ZTimestampOut,
      latestSurveyAt: ZTimestampOut.nullable(),
      latestEventAt: ZTimestampOut.nullable(),
      staleSourceCount: z.number().int(),
    })
    .nullable(),
});

export const organisationRouter = router({
  overview: authorizedProcedure('organisation.read').output(ZOverview).query(({ ctx }) => getOrganisationOverview(ctx.db, ctx.organisationId)),
});
