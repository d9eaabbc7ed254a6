import type { Backlog } from '@throughline/domain';
import type { Db } from '../database.ts';
import { listInitiatives } from './initiative.queries.ts';
import { listJourneys } from './journey.queries.ts';
import { teamIdsOfUser } from './team-edit.queries.ts';
import { listTeams } from './team.queries.ts';

/**
 * The value backlog page in seven statements however many initiatives there are: the initiatives
 * with their figures and their KPIs' recent volumes (four), the journeys, the teams, and the caller's own teams (a member's;
 * null for a token, which acts for no team).
 */
export async function readBacklog(db: Db, organisationId: string, userId: string | null): Promise<Backlog> {
  const [initiatives, journeys, teams, myTeamIds] = await Promise.all([
    listInitiatives(db, organisationId),
    listJourneys(db, organisationId),
    listTeams(db, organisationId),
    userId === null ? null : teamIdsOfUser(db, organisationId, userId),
  ]);
  return { initiatives, journeys, teams, myTeamIds };
}
