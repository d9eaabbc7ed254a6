import { describe, expect, it } from 'vitest';
import { ROLES } from '../organisation/organisation.schema.ts';
import { isWritePermission, PERMISSIONS, roleReach, scopesAllow, TOKEN_SCOPES } from './permissions.ts';

describe('the permission matrix', () => {
  it('gives viewers every read and no write', () => {
    for (const p of PERMISSIONS) {
      const reach = roleReach('viewer', p);
      if (isWritePermission(p)) expect(reach, p).toBeNull();
    }
    expect(roleReach('viewer', 'journey.read')).toBe('organisation');
  });

  it('lets team members edit journeys only within their remit', () => {
    expect(roleReach('team_member', 'journey.edit')).toBe('remit');
    expect(roleReach('team_member', 'member.manage')).toBeNull();
  });

  it('keeps the shape of the operating model (teams, remits, systems, new journeys) with the council', () => {
    for (const p of ['team.edit', 'remit.edit', 'system.edit', 'journey.create'] as const) {
      expect(roleReach('team_member', p), p).toBeNull();
      expect(roleReach('cx_lead', p), p).toBe('organisation');
    }
    for (const p of ['policy.edit', 'proposal.create', 'proposal.decide', 'kpi.edit'] as const)
      expect(roleReach('team_member', p), p).toBe('remit');
  });

  it('keeps member and token management for admins', () => {
    for (const role of ROLES) {
      expect(roleReach(role, 'member.manage') !== null, role).toBe(role === 'admin');
      expect(roleReach(role, 'token.manage') !== null, role).toBe(role === 'admin');
    }
  });

  it('never grants a role less than the role below it', () => {
    const order = ['viewer', 'team_member', 'cx_lead', 'admin'] as const;
    for (let i = 1; i < order.length; i++) {
      for (const p of PERMISSIONS) {
        if (roleReach(order[i - 1]!, p) !== null) expect(roleReach(order[i]!, p), `${order[i]} ${p}`).not.toBeNull();
      }
    }
  });
});

describe('token scopes', () => {
  it('allow only what they name', () => {
    expect(scopesAllow(['kpi:read'], 'kpi.read')).toBe(true);
    expect(scopesAllow(['kpi:read'], 'ingest.write')).toBe(false);
    expect(scopesAllow(['ingest:write'], 'journey.read')).toBe(false);
    expect(scopesAllow(['model:read'], 'journey.read')).toBe(true);
  });
  it('let kpi:compute recompute KPIs and refit their value models, and change nothing else', () => {
    expect(PERMISSIONS.filter((p) => scopesAllow(['kpi:compute'], p))).toEqual(['kpi.compute', 'value.refit']);
    // model:write tokens could recompute while it took kpi.edit; they still can.
    expect(scopesAllow(['model:write'], 'kpi.compute')).toBe(true);
    expect(roleReach('team_member', 'kpi.compute')).toBe('remit');
    expect(roleReach('viewer', 'kpi.compute')).toBeNull();
  });
  it('never allow managing members or tokens, or taking governance decisions', () => {
    for (const p of ['member.manage', 'token.manage', 'proposal.create', 'proposal.decide'] as const)
      expect(scopesAllow([...TOKEN_SCOPES], p), p).toBe(false);
  });
});
