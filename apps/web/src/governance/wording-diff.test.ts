import { describe, expect, it } from 'vitest';
import { changesWording, diffWording } from './wording-diff.ts';

const text = (segments: ReturnType<typeof diffWording>, kind: 'current' | 'proposed') =>
  segments
    .filter((s) => s.kind === 'same' || s.kind === (kind === 'current' ? 'removed' : 'added'))
    .map((s) => s.text)
    .join('');

describe('diffing a policy’s wording', () => {
  it('marks the words that change and keeps the rest', () => {
    const segments = diffWording('Claims above £5,000 need an assessor visit.', 'Claims above £10,000 need an assessor visit.');
    expect(segments).toEqual([
      { kind: 'same', text: 'Claims above ' },
      { kind: 'removed', text: '£5,000 ' },
      { kind: 'added', text: '£10,000 ' },
      { kind: 'same', text: 'need an assessor visit.' },
    ]);
    expect(changesWording(segments)).toBe(true);
  });

  it('reads back as exactly the current and the proposed wording', () => {
    const current = 'A saved quote may be bought at the quoted price for 30 days.';
    const proposed = 'A saved quote may be bought online or by phone at the quoted price for 45 days, unless details change.';
    const segments = diffWording(current, proposed);
    expect(text(segments, 'current')).toBe(current);
    expect(text(segments, 'proposed')).toBe(proposed);
  });

  it('keeps a rewritten phrase together, words shared only by their spaces included', () => {
    const segments = diffWording(
      'must be inspected by an assessor before liability is decided.',
      'must be inspected by video call within two days.',
    );
    expect(segments).toEqual([
      { kind: 'same', text: 'must be inspected by ' },
      { kind: 'removed', text: 'an assessor before liability is decided.' },
      { kind: 'added', text: 'video call within two days.' },
    ]);
  });

  it('says so when nothing changes, and copes with empty wording', () => {
    expect(changesWording(diffWording('Same words.', 'Same words.'))).toBe(false);
    expect(diffWording('', 'New rule.')).toEqual([{ kind: 'added', text: 'New rule.' }]);
    expect(diffWording('Old rule.', '')).toEqual([{ kind: 'removed', text: 'Old rule.' }]);
  });
});
