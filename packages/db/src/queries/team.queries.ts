import { sql } from 'kysely';
import type { Capability, Team } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function listTeams(db: Db, organisationId: string, only?: { teamId: string }): Promise<Team[]> {
  let query = db
    .selectFrom('team')
    .select((eb) => [
      'team.id',
      'team.name',
      'team.purpose',
      'team.capabilities',
      'team.annual_budget as annualBudget',
      'team.spending_authority as spendingAuthority',
      'team.version',
      eb
        .selectFrom('team_member')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('team_member.team_id', '=', 'team.id')
        .as('memberCount'),
    ])
    .where('team.organisation_id', '=', organisationId);
  if (only) query = query.where('team.id', '=', only.teamId);
  const rows = await query.orderBy('team.name').execute();
  return rows.map((r) => ({ ...r, capabilities: r.capabilities as Capability[], memberCount: r.memberCount ?? 0 }));
}
