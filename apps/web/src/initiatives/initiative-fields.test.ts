import { describe, expect, it } from 'vitest';
import { fieldIssue, issueSentence, issuesOf } from './initiative-fields.ts';

describe('gate and API issues beside the fields', () => {
  it('reads a phrase on from the label and capitalises an instruction', () => {
    expect(issueSentence('hypothesis', 'is required: what you believe will change, and why')).toBe('Hypothesis is required: what you believe will change, and why');
    expect(issueSentence('outcomeIds', 'target at least one of the journey’s outcomes')).toBe('Target at least one of the journey’s outcomes');
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
    const issues = issuesOf(error);
    expect(issues).toHaveLength(2);
    expect(fieldIssue(issues, 'implementedOn')).toBe('Implemented on cannot be in the future; cannot be before delivery started');
    expect(fieldIssue(issues, 'hypothesis')).toBeUndefined();
  });
});
