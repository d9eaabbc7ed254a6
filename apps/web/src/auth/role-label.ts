import type { Role } from '@throughline/domain';

const ROLE_LABEL: Record<Role, string> = {
  admin: 'Admin',
  cx_lead: 'CX lead',
  team_member: 'Team member',
  viewer: 'Viewer',
};

const ROLE_PLURAL: Record<Role, string> = {
  admin: 'admins',
  cx_lead: 'CX leads',
  team_member: 'team members',
  viewer: 'viewers',
};

/** One line on what each role may do, matching the permission matrix in domain/access. */
const ROLE_DESCRIPTION: Record<Role, string> = {
  admin: 'Everything, including members, API tokens and the audit log.',
  cx_lead: 'Edits every journey and reads the audit log.',
  team_member: 'Reads everything; edits the journeys in their team’s remit.',
  viewer: 'Reads everything, changes nothing.',
};

export function roleLabel(role: Role): string {
  return ROLE_LABEL[role];
}

/** "admins", "CX leads": for sentences about who may do something. */
export function rolePlural(role: Role): string {
  return ROLE_PLURAL[role];
}

export function roleDescription(role: Role): string {
  return ROLE_DESCRIPTION[role];
}
