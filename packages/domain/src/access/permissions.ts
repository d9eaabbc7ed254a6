import type { Role } from '../organisation/organisation.schema.ts';

/**
 * Every action a procedure can need, as `resource.action`. A procedure names exactly one;
 * the matrix below says who holds it and how far it reaches.
 */
export const PERMISSIONS = [
  'organisation.read',
  'organisation.edit',
  'team.read',
  'team.edit',
  'journey.read',
  'journey.create',
  'journey.edit',
  'system.read',
  'system.edit',
  'remit.edit',
  'policy.read',
  'policy.edit',
  'proposal.read',
  'proposal.create',
  'proposal.decide',
  'decision.read',
  'kpi.read',
  'kpi.edit',
  'kpi.compute',
  'member.read',
  'member.manage',
  'token.manage',
  'audit.read',
  'ingest.write',
  'failure_point.edit',
  'insight.read',
  'insight.edit',
  'outcome.edit',
  'initiative.read',
  'initiative.edit',
  'initiative.fund',
  'value.read',
  'value.refit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How far a granted permission reaches: the whole organisation, or only what lies in the
 * remit of the member's own teams (the journeys they are accountable for or contribute to).
 */
export type Reach = 'organisation' | 'remit';

const READ: Partial<Record<Permission, Reach>> = {
  'organisation.read': 'organisation',
  'team.read': 'organisation',
  'journey.read': 'organisation',
  'system.read': 'organisation',
  'kpi.read': 'organisation',
  'member.read': 'organisation',
  'policy.read': 'organisation',
  'proposal.read': 'organisation',
  'decision.read': 'organisation',
  'insight.read': 'organisation',
  'initiative.read': 'organisation',
  'value.read': 'organisation',
};

/**
 * What a team member may change, each only inside their teams' remit: the journeys their
 * teams own or contribute to, the policies their teams own, proposals on behalf of their
 * teams (and deciding those their team may approve), and the KPIs their teams own.
 */
const REMIT_EDITS: Partial<Record<Permission, Reach>> = {
  'journey.edit': 'remit',
  'policy.edit': 'remit',
  'proposal.create': 'remit',
  'proposal.decide': 'remit',
  'kpi.edit': 'remit',
  // Recomputing a KPI changes no definition, only how fresh its values are; whoever edits it may.
  'kpi.compute': 'remit',
  'failure_point.edit': 'remit',
  'outcome.edit': 'remit',
  'initiative.edit': 'remit',
  'initiative.fund': 'remit',
  // Research is everyone's: any team member may file what they learned, wherever it points.
  'insight.edit': 'organisation',
};

/** The CX council's reach: the whole operating model of the organisation. */
const COUNCIL: Partial<Record<Permission, Reach>> = {
  ...READ,
  'team.edit': 'organisation',
  'journey.create': 'organisation',
  'journey.edit': 'organisation',
  'system.edit': 'organisation',
  'remit.edit': 'organisation',
  'policy.edit': 'organisation',
  'proposal.create': 'organisation',
  'proposal.decide': 'organisation',
  'kpi.edit': 'organisation',
  'kpi.compute': 'organisation',
  'audit.read': 'organisation',
  'failure_point.edit': 'organisation',
  'insight.edit': 'organisation',
  'outcome.edit': 'organisation',
  'initiative.edit': 'organisation',
  'initiative.fund': 'organisation',
  'value.refit': 'organisation',
};

export const ROLE_PERMISSIONS: Record<Role, Partial<Record<Permission, Reach>>> = {
  viewer: READ,
  team_member: { ...READ, ...REMIT_EDITS },
  cx_lead: COUNCIL,
  admin: {
    ...COUNCIL,
    'member.manage': 'organisation',
    'organisation.edit': 'organisation',
    'token.manage': 'organisation',
    'ingest.write': 'organisation',
  },
};

export const TOKEN_SCOPES = ['ingest:write', 'kpi:read', 'kpi:compute', 'model:read', 'model:write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each API-token scope allows; a token always acts organisation-wide. */
export const SCOPE_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  'ingest:write': ['ingest.write'],
  'kpi:read': ['kpi.read'],
  // For a pipeline that loads data and then wants the numbers now: recompute and refit, no edits.
  'kpi:compute': ['kpi.compute', 'value.refit'],
  'model:read': [
    'organisation.read',
    'team.read',
    'journey.read',
    'system.read',
    'kpi.read',
    'policy.read',
    'proposal.read',
    'decision.read',
    'insight.read',
    'initiative.read',
    'value.read',
  ],
  // Proposals and funding are decided by people, so no scope lets a token decide one.
  'model:write': [
    'team.edit',
    'journey.create',
    'journey.edit',
    'system.edit',
    'remit.edit',
    'policy.edit',
    'kpi.edit',
    'kpi.compute',
    'failure_point.edit',
    'insight.edit',
    'outcome.edit',
    'initiative.edit',
  ],
};

/** The reach a role has for a permission, or null when it does not hold it. */
export function roleReach(role: Role, permission: Permission): Reach | null {
  return ROLE_PERMISSIONS[role][permission] ?? null;
}

/** Whether a token with these scopes may do this. */
export function scopesAllow(scopes: readonly TokenScope[], permission: Permission): boolean {
  return scopes.some((s) => SCOPE_PERMISSIONS[s].includes(permission));
}

/** True for permissions that change something, which a viewer never holds. */
export function isWritePermission(permission: Permission): boolean {
  return !permission.endsWith('.read');
}
