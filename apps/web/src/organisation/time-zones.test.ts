import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './time-zones.ts';

describe('timeZoneOptions', () => {
  it('puts UTC first and keeps the current zone', () => {
    expect(timeZoneOptions('Europe/London', ['Europe/Paris', 'America/New_York'])).toEqual([
      'UTC',
      'America/New_York',
      'Europe/London',
      'Europe/Paris',
    ]);
    expect(timeZoneOptions('UTC', ['UTC', 'Europe/London'])).toEqual(['UTC', 'Europe/London']);
  });
});
