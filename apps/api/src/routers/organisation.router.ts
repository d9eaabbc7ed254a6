import { z } from 'zod';
import { latestTokenExpiry, ZOrganisation, ZOrganisationSettingsInput, ZTimestampOut } from '@throughline/domain';
import { capTokenExpiry, getOrganisation, getOrganisationOverview, setMaxTokenLifetime, setOrganisationTimeZone } from '@throughline/db';
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
  overview: authorizedProcedure('organisation.read')
    .output(ZOverview)
    .query(({ ctx }) => getOrganisationOverview(ctx.db, ctx.organisationId)),

  /** Name, currency and the time zone whose midnight ends a period. */
  get: authorizedProcedure('organisation.read')
    .output(ZOrganisation)
    .query(({ ctx }) => getOrganisation(ctx.db, ctx.organisationId)),

  /**
   * An admin sets the time zone (every KPI is then rebuilt on the new days by its next run) and
   * the longest lifetime of API tokens. A new or shorter limit also applies to the tokens already
   * out: any that would outlive it (or never expire) now expire that many days from now, and the
   * answer counts them. Settings left out stay as they are.
   */
  updateSettings: authorizedProcedure('organisation.edit')
    .input(ZOrganisationSettingsInput)
    .output(ZOrganisation.extend({ tokensShortened: z.number().int() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const entity = { type: 'organisation', id: ctx.organisationId };
        if (input.timeZone !== undefined) {
          const change = await setOrganisationTimeZone(db, ctx.organisationId, input.timeZone);
          if (change.recompute) await audit(db, ctx, 'organisation.updated', entity, { before: change.before, after: change.after });
        }
        let tokensShortened = 0;
        const before = await getOrganisation(db, ctx.organisationId);
        if (input.maxTokenLifetimeDays !== undefined && input.maxTokenLifetimeDays !== before.maxTokenLifetimeDays) {
          await setMaxTokenLifetime(db, ctx.organisationId, input.maxTokenLifetimeDays);
          const shortened =
            input.maxTokenLifetimeDays === null
              ? []
              : await capTokenExpiry(db, ctx.organisationId, latestTokenExpiry(input.maxTokenLifetimeDays, ctx.now()));
          tokensShortened = shortened.length;
          await audit(db, ctx, 'organisation.updated', entity, {
            before: { maxTokenLifetimeDays: before.maxTokenLifetimeDays },
            after: {
              maxTokenLifetimeDays: input.maxTokenLifetimeDays,
              tokensShortened: shortened.map((t) => ({ id: t.id, name: t.name, expiresAt: t.expiresAt?.toISOString() ?? null })),
            },
          });
        }
        return { ...(await getOrganisation(db, ctx.organisationId)), tokensShortened };
      }),
    ),
});
