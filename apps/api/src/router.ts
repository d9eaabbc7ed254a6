import { authRouter } from './routers/auth.router.ts';
import { journeyRouter } from './routers/journey.router.ts';
import { organisationRouter } from './routers/organisation.router.ts';
import { systemRouter } from './routers/system.router.ts';
import { teamRouter } from './routers/team.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  organisation: organisationRouter,
  team: teamRouter,
  journey: journeyRouter,
  system: systemRouter,
});

/** The API's whole surface, as a type: the only thing the web app and the client import. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
