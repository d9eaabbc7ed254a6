import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds, percentRead } from './import-format.ts';

describe('import formatting', () => {
  it('words sizes, durations and progress', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(49_357)).toBe('48.2 KB');
    expect(formatBytes(101_082_931)).toBe('96.4 MB');
    expect(formatSeconds(0.84)).toBe('0.8 s');
    expect(formatSeconds(72.4)).toBe('1 min 12 s');
    expect(percentRead(999, 1000)).toBe(99);
    expect(percentRead(1000, 1000)).toBe(100);
    expect(percentRead(0, 0)).toBe(100);
  });
});
