import { describe, expect, it } from 'vitest';
import { previewRoute } from './routing-preview.ts';

const policy = { ownerTeamId: 'claims', decisionRightTeamIds: ['contact'] };

describe('previewing who will decide a draft', () => {
  it('leaves it to a team holding the decision right, within its spending authority', () => {
    expect(previewRoute(policy, { id: 'contact', spendingAuthority: 75_000 }, 75_000).approver).toBe('team');
  });

  it('sends it to the council above the team’s authority or outside its rights', () => {
    expect(previewRoute(policy, { id: 'claims', spendingAuthority: 150_000 }, 5_000_000)).toEqual({
      approver: 'council',
      reason: 'The cost exceeds the team’s spending authority.',
    });
    expect(previewRoute(policy, { id: 'sales', spendingAuthority: 250_000 }, 10).approver).toBe('council');
  });
});
