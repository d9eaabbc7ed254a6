import { alertRouter } from './routers/alert.router.ts';
import { auditRouter } from './routers/audit.router.ts';
import { authRouter } from './routers/auth.router.ts';
import { ingestRouter } from './routers/ingest.router.ts';
import { journeyRouter } from './routers/journey.router.ts';
import { kpiRouter } from './routers/kpi.router.ts';
import { memberRouter } from './routers/member.router.ts';
import { operatingModelRouter } from './routers/operating-model.router.ts';
import { organisationRouter } from './routers/organisation.router.ts';
import { policyRouter } from './routers/policy.router.ts';
import { proposalRouter } from './routers/proposal.router.ts';
import { remitRouter } from './routers/remit.router.ts';
import { systemRouter } from './routers/system.router.ts';
import { teamRouter } from './routers/team.router.ts';
import { tokenRouter } from './routers/token.router.ts';
import { failurePointRouter } from './routers/failure-point.router.ts';
import { initiativeRouter } from './routers/initiative.router.ts';
import { insightRouter } from './routers/insight.router.ts';
import { outcomeRouter } from './routers/outcome.router.ts';
import { scorecardRouter } from './routers/scorecard.router.ts';
import { valueRouter } from './routers/value.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  organisation: organisationRouter,
  member: memberRouter,
  token: tokenRouter,
  audit: auditRouter,
  team: teamRouter,
  journey: journeyRouter,
  system: systemRouter,
  remit: remitRouter,
  policy: policyRouter,
  proposal: proposalRouter,
  operatingModel: operatingModelRouter,
  kpi: kpiRouter,
  alert: alertRouter,
  ingest: ingestRouter,
  failurePoint: failurePointRouter,
  insight: insightRouter,
  outcome: outcomeRouter,
  initiative: initiativeRouter,
  scorecard: scorecardRouter,
  value: valueRouter,
});

/** The API's whole surface, as a type: the only thing the web app and the client import. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
