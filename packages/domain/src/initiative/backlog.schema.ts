import { z } from 'zod';
import { ZId } from '../common/common.schema.ts';
import { ZJourneySummary } from '../journey/journey.schema.ts';
import { ZTeam } from '../team/team.schema.ts';
import { ZInitiative } from './initiative.schema.ts';

/**
 * The value backlog page in one read: every initiative (highest priority first), the journeys
 * and teams it is filtered by and proposed for, and the caller's own teams (null for a token),
 * which decide the teams they may propose for.
 */
export const ZBacklog = z.object({
  initiatives: z.array(ZInitiative),
  journeys: z.array(ZJourneySummary),
  teams: z.array(ZTeam),
  myTeamIds: z.array(ZId).nullable(),
});
export type Backlog = z.infer<typeof ZBacklog>;
