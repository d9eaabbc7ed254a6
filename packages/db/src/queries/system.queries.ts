import type { SystemWithOwner } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function listSystems(db: Db, organisationId: string): Promise<SystemWithOwner[]> {
  return db
    .selectFrom('system')
    .leftJoin('team', 'team.id', 'system.owner_team_id')
    .select([
      'system.id',
      'system.name',
      'system.description',
      'system.owner_team_id as ownerTeamId',
      'team.name as ownerTeamName',
      'system.version',
    ])
    .where('system.organisation_id', '=', organisationId)
    .orderBy('system.name')
    .execute();
}
