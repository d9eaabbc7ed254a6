import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveAcross, moveInList } from './reorder.ts';

describe('moving an item in a list', () => {
  it('moves forwards, backwards and clamps past the ends', () => {
    expect(moveInList(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveInList(['a', 'b', 'c', 'd'], 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveInList(['a', 'b', 'c'], 'b', 99)).toEqual(['a', 'c', 'b']);
  });

  it('keeps every item exactly once, with the moved one where asked', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(40), (items, pick, to) => {
        const item = items[pick % items.length]!;
        const moved = moveInList(items, item, to);
        expect([...moved].sort()).toEqual([...items].sort());
        expect(moved.indexOf(item)).toBe(Math.min(to, items.length - 1));
      }),
    );
  });
});

describe('moving a step across stages', () => {
  it('takes it out of its stage and puts it into the other at the index', () => {
    const lists = new Map([
      ['s1', ['a', 'b']],
      ['s2', ['c', 'd']],
    ]);
    const out = moveAcross(lists, 'a', 's2', 1);
    expect(out.get('s1')).toEqual(['b']);
    expect(out.get('s2')).toEqual(['c', 'a', 'd']);
  });
});
