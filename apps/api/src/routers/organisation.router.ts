import { z } from 'zod';
import { ZOrganisation, ZOrganisationSettingsInput, ZTimestampOut } from '@throughline/domain';
import { getOrganisation, getOrganisationOverview, setOrganisationTimeZone } from '@throughline/db';
import { audit } from '../audit.ts';
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

  /** Name, currency and the time zone whose midnight ends a period. */
  get: authorizedProcedure('organisation.read').output(ZOrganisation).query(({ ctx }) => getOrganisation(ctx.db, ctx.organisationId)),

  /** An admin sets the time zone; every KPI is then rebuilt on the new days by its next run. */
  updateSettings: authorizedProcedure('organisation.edit')
    .input(ZOrganisationSettingsInput)
    .output(ZOrganisation)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const change = await setOrganisationTimeZone(db, ctx.organisationId, input.timeZone);
        if (change.recompute) await audit(db, ctx, 'organisation.updated', { type: 'organisation', id: ctx.organisationId }, { before: change.before, after: change.after });
        return change.after;
      }),
    ),
});
