import type { Role } from './organisation.schema.ts';

/**
 * Roles ordered by what they may do. Access control proper (a permission matrix with
 * object-level scope) is its own piece of work; until then procedures state the least role
 * they need and this decides.
 */
const RANK: Record<Role, number> = { viewer: 0, team_member: 1, cx_lead: 2, admin: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
