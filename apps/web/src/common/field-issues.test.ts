import { describe, expect, it } from 'vitest';
import { formAlertText, issueFor, issueForList, issueText } from './field-issues.ts';

const invalid = {
  message: 'Invalid input: password: must be at least 12 characters; email: Invalid email address',
  data: {
    issues: [
      { path: 'password', message: 'must be at least 12 characters' },
      { path: 'email', message: 'Invalid email address' },
    ],
  },
};

describe('field issues', () => {
  it('finds the issue for one field', () => {
    expect(issueFor(invalid, 'password')).toBe('must be at least 12 characters');
    expect(issueFor(invalid, 'displayName')).toBeUndefined();
    expect(issueFor(null, 'password')).toBeUndefined();
  });

  it('finds an issue with one item of a list under the list’s name', () => {
    const badLink = { message: 'Invalid input', data: { issues: [{ path: 'failurePointIds.1', message: 'is not a failure point here' }] } };
    expect(issueForList(badLink, 'failurePointIds')).toBe('is not a failure point here');
    expect(issueForList(badLink, 'failurePoint')).toBeUndefined();
    expect(issueForList(invalid, 'email')).toBe('Invalid email address');
  });

  it('reads a phrase after the label, and a sentence on its own', () => {
    expect(issueText('Password', 'must be at least 12 characters')).toBe('Password must be at least 12 characters');
    expect(issueText('Email', 'Invalid email address')).toBe('Invalid email address');
  });

  it('points to the fields when each issue is shown beside one', () => {
    expect(formAlertText(invalid, ['email', 'password'])).toBe('2 fields need correcting: see below.');
  });

  it('keeps the API’s message when it says more than the fields do', () => {
    expect(formAlertText(invalid, ['password'])).toBe(invalid.message);
    const conflict = { message: 'An account with this email already exists; sign in instead', data: { issues: [{ path: 'email', message: 'is already registered' }] } };
    expect(formAlertText(conflict, ['email'])).toBe(conflict.message);
    expect(formAlertText({ message: 'Too many attempts' }, ['email'])).toBe('Too many attempts');
  });
});
