import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from './organisation.schema.ts';
import { roleAtLeast } from './roles.ts';

describe('roleAtLeast', () => {
  it('orders viewer < team_member < cx_lead < admin', () => {
    expect(roleAtLeast('viewer', 'team_member')).toBe(false);
    expect(roleAtLeast('team_member', 'team_member')).toBe(true);
    expect(roleAtLeast('cx_lead', 'admin')).toBe(false);
    expect(roleAtLeast('admin', 'viewer')).toBe(true);
  });
  it('is a total order: for any two roles exactly one direction holds unless they are equal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (a, b) => {
        expect(roleAtLeast(a, b) || roleAtLeast(b, a)).toBe(true);
        expect(roleAtLeast(a, b) && roleAtLeast(b, a)).toBe(a === b);
      }),
    );
  });
});
