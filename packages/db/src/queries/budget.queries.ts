import { teamBudgetTotals, type TeamBudget } from '@throughline/domain';
import type { Db } from '../database.ts';

/** Each team's annual budget against what its initiatives commit and spend, and the systems that money changes. */
export async function teamBudgets(db: Db, organisationId: string): Promise<TeamBudget[]> {
  const [teams, lines, systems] = await Promise.all([
    db.selectFrom('team').select(['id', 'name', 'annual_budget']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db
      .selectFrom('initiative')
      .select([
        'team_id',
        'stage',
        'one_off_business as oneOffBusiness',
        'one_off_technology as oneOffTechnology',
        'running_business as runningBusiness',
        'running_technology as runningTechnology',
        'spent_business as spentBusiness',
        'spent_technology as spentTechnology',
      ])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('initiative_system as x')
      .innerJoin('initiative as i', 'i.id', 'x.initiative_id')
      .innerJoin('system as s', 's.id', 'x.system_id')
      .select(['i.team_id', 's.id as systemId', 's.name as systemName', (eb) => eb.fn.countAll<number>().as('initiatives')])
      .where('x.organisation_id', '=', organisationId)
      .where('i.stage', 'in', ['funded', 'in_delivery', 'implemented', 'measured'])
      .groupBy(['i.team_id', 's.id', 's.name'])
      .orderBy('s.name')
      .execute(),
  ]);
  return teams.map((t) => ({
    teamId: t.id,
    teamName: t.name,
    annualBudget: t.annual_budget,
    ...teamBudgetTotals(
      t.annual_budget,
      lines.filter((l) => l.team_id === t.id).map((l) => ({ ...l, stage: l.stage })),
    ),
    systems: systems
      .filter((s) => s.team_id === t.id)
      .map((s) => ({ systemId: s.systemId, systemName: s.systemName, initiatives: Number(s.initiatives) })),
  }));
}
