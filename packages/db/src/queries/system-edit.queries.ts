import { sql } from 'kysely';
import { DomainError, notFound, staleVersion, type SystemInput } from '@throughline/domain';
import type { Db } from '../database.ts';
import { foreignKeyViolation, uniqueViolation } from './constraint-errors.ts';

function mapped(error: unknown): unknown {
  if (uniqueViolation(error) !== null) return new DomainError('CONFLICT', 'A system with this name already exists', [{ path: 'name', message: 'is already used by another system' }]);
  if (foreignKeyViolation(error)) return notFound('Owner team');
  return error;
}

export async function createSystem(db: Db, organisationId: string, input: SystemInput) {
  try {
    return await db
      .insertInto('system')
      .values({ organisation_id: organisationId, name: input.name, description: input.description, owner_team_id: input.ownerTeamId })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    throw mapped(error);
  }
}

export async function updateSystem(db: Db, organisationId: string, input: SystemInput & { id: string; version: number }) {
  const before = await db.selectFrom('system').selectAll().where('organisation_id', '=', organisationId).where('id', '=', input.id).executeTakeFirst();
  if (!before) throw notFound('System');
  try {
    const after = await db
      .updateTable('system')
      .set({ name: input.name, description: input.description, owner_team_id: input.ownerTeamId, version: sql<number>`version + 1` })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw staleVersion('The system');
    return { before, after };
  } catch (error) {
    throw mapped(error);
  }
}
