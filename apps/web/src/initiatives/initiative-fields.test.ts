import { describe, expect, it } from 'vitest';
import { issuesAt, uniqueIssues } from '../common/field-issues.ts';
import { caseIssueText, issueSentence } from './initiative-fields.ts';

describe('gate and API issues beside the fields', () => {
  it('reads a phrase on from the label and capitalises an instruction', () => {
    expect(issueSentence('hypothesis', 'is required: what you believe will change, and why')).toBe(
      'Hypothesis is required: what you believe will change, and why',
    );
    expect(issueSentence('outcomeIds', 'target at least one of the journey’s outcomes')).toBe(
      'Target at least one of the journey’s outcomes',
    );
    expect(issueSentence('implementedOn', 'cannot be in the future')).toBe('Implemented on cannot be in the future');
  });

  it('joins two complaints about one field and drops repeats', () => {
    const error = {
      message: 'It cannot be implemented yet',
      data: {
        issues: [
          { path: 'implementedOn', message: 'cannot be in the future' },
          { path: 'implementedOn', message: 'cannot be before delivery started' },
          { path: 'implementedOn', message: 'cannot be in the future' },
        ],
      },
    };
    const issues = uniqueIssues(error.data.issues);
    expect(issues).toHaveLength(2);
    expect(
      caseIssueText(
        'implementedOn',
        issuesAt(issues, 'implementedOn').map((i) => i.message),
      ),
    ).toBe('Implemented on cannot be in the future; cannot be before delivery started');
    expect(issuesAt(issues, 'hypothesis')).toEqual([]);
  });
});
