import { ROLES, roleReach, type Permission, type Role } from '@throughline/domain';
import { rolePlural } from './role-label.ts';

/** The roles that hold a permission, most powerful first. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => roleReach(role, permission) !== null);
}

/** "admins", "admins and CX leads": who may do something, read from the permission matrix. */
export function whoCan(permission: Permission): string {
  const names = rolesWith(permission).map(rolePlural);
  if (names.length <= 1) return names[0] ?? 'nobody';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
