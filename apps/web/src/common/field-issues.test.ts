import { describe, expect, it } from 'vitest';
import { formAlertText, invalidInput, issuesAt, issueText, uniqueIssues } from './field-issues.ts';

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
  it('finds the issues for one field', () => {
    expect(issuesAt(invalid.data.issues, 'password')).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    expect(issuesAt(invalid.data.issues, 'displayName')).toEqual([]);
  });

  it('finds an issue with one item of a list under the list’s name', () => {
    const badLink = [{ path: 'failurePointIds.1', message: 'is not a failure point here' }];
    expect(issuesAt(badLink, 'failurePointIds').map((i) => i.message)).toEqual(['is not a failure point here']);
    expect(issuesAt(badLink, 'failurePoint')).toEqual([]);
  });

  it('keeps each issue once, and words issues found before sending as the API words them', () => {
    expect(uniqueIssues([...invalid.data.issues, ...invalid.data.issues])).toEqual(invalid.data.issues);
    expect(invalidInput(invalid.data.issues)).toEqual(invalid);
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
    const conflict = {
      message: 'An account with this email already exists; sign in instead',
      data: { issues: [{ path: 'email', message: 'is already registered' }] },
    };
    expect(formAlertText(conflict, ['email'])).toBe(conflict.message);
    expect(formAlertText({ message: 'Too many attempts' }, ['email'])).toBe('Too many attempts');
  });
});
