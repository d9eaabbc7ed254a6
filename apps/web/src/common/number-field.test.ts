import { describe, expect, it } from 'vitest';
import { parseOptionalNumber } from './number-field.tsx';

describe('optional numbers typed into a field', () => {
  it('reads blank as none, and numbers with grouping commas or signs', () => {
    expect(parseOptionalNumber('  ')).toBeNull();
    expect(parseOptionalNumber('1,500')).toBe(1500);
    expect(parseOptionalNumber('-2.5')).toBe(-2.5);
  });

  it('refuses what is not a number', () => {
    expect(parseOptionalNumber('twenty')).toBeUndefined();
    expect(parseOptionalNumber('Infinity')).toBeUndefined();
  });
});
