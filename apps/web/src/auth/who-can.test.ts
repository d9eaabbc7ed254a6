import { describe, expect, it } from 'vitest';
import { rolesWith, whoCan } from './who-can.ts';

describe('who can', () => {
  it('reads the roles from the permission matrix', () => {
    expect(rolesWith('token.manage')).toEqual(['admin']);
    expect(rolesWith('audit.read')).toEqual(['admin', 'cx_lead']);
  });

  it('names them for a sentence', () => {
    expect(whoCan('token.manage')).toBe('admins');
    expect(whoCan('audit.read')).toBe('admins and CX leads');
    expect(whoCan('member.read')).toBe('admins, CX leads, team members and viewers');
  });
});
