import type { Role } from '@throughline/domain';

const ROLE_LABEL: Record<Role, string> = {
  admin: 'Admin',
  cx_lead: 'CX lead',
  team_member: 'Team member',
  viewer: 'Viewer',
};

export function roleLabel(role: Role): string {
  return ROLE_LABEL[role];
}
