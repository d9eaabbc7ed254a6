import { describe, expect, it } from 'vitest';
import { missingCapabilities } from './capability-coverage.ts';

describe('missingCapabilities', () => {
  it('flags every capability a team lacks, in the canonical order', () => {
    expect(missingCapabilities(['operations', 'design'])).toEqual(['engineering', 'data', 'compliance']);
  });
  it('is empty for a team covering all five', () => {
    expect(missingCapabilities(['compliance', 'data', 'design', 'engineering', 'operations'])).toEqual([]);
  });
  it('ignores repeats', () => {
    expect(missingCapabilities(['data', 'data'])).toHaveLength(4);
  });
});
