import { DomainError, notFound, type System, type SystemInput } from '@throughline/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../database.ts';
import type { DB } from '../schema.ts';
import { foreignKeyViolation, uniqueViolation } from './constraint-errors.ts';
import { updateAtVersion } from './versioned-row.ts';

function mapped(error: unknown): unknown {
  if (uniqueViolation(error) !== null)
    return new DomainError('CONFLICT', 'A system with this name already exists', [
      { path: 'name', message: 'is already used by another system' },
    ]);
  if (foreignKeyViolation(error)) return notFound('Owner team');
  return error;
}

const toSystem = (r: Selectable<DB['system']>): System => ({
  id: r.id,
  name: r.name,
  description: r.description,
  ownerTeamId: r.owner_team_id,
  version: r.version,
});

export async function createSystem(db: Db, organisationId: string, input: SystemInput): Promise<System> {
  try {
    const row = await db
      .insertInto('system')
      .values({ organisation_id: organisationId, name: input.name, description: input.description, owner_team_id: input.ownerTeamId })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSystem(row);
  } catch (error) {
    throw mapped(error);
  }
}

export async function updateSystem(
  db: Db,
  organisationId: string,
  input: SystemInput & { id: string; version: number },
): Promise<{ before: System; after: System }> {
  const before = await db
    .selectFrom('system')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!before) throw notFound('System');
  try {
    const after = await updateAtVersion(
      db,
      'system',
      { organisationId, ...input },
      { name: input.name, description: input.description, owner_team_id: input.ownerTeamId },
    );
    return { before: toSystem(before), after: toSystem(after) };
  } catch (error) {
    throw mapped(error);
  }
}
