import { describe, expect, it } from 'vitest';
import { hasMatches, headlineCuts, headlineParts } from './headline-parts.ts';

describe('search headline', () => {
  it('splits the matching words from the passage around them', () => {
    expect(headlineParts('«chasing» them every other day, when the «assessor» would visit')).toEqual([
      { text: 'chasing', match: true },
      { text: ' them every other day, when the ', match: false },
      { text: 'assessor', match: true },
      { text: ' would visit', match: false },
    ]);
  });

  it('joins adjacent matches and keeps an unpaired « as text', () => {
    expect(headlineParts('«price»«rise» at «renewal')).toEqual([
      { text: 'pricerise', match: true },
      { text: ' at «renewal', match: false },
    ]);
    expect(headlineParts('')).toEqual([]);
  });

  it('tells a headline with matches from one without', () => {
    expect(hasMatches('the «assessor» came')).toBe(true);
    expect(hasMatches('nothing marked here')).toBe(false);
    expect(hasMatches(null)).toBe(false);
  });

  it('says where a headline was cut from a longer text', () => {
    const body = 'I was chasing them every other day. Nobody could tell me when the assessor would visit.';
    expect(headlineCuts(body, '«chasing» them every other day. Nobody could tell me when the «assessor» would visit')).toEqual({
      start: true,
      end: false,
    });
    expect(headlineCuts(body, 'I was «chasing» them every other day')).toEqual({ start: false, end: true });
    expect(headlineCuts('The assessor never came.', 'The «assessor» never came')).toEqual({ start: false, end: false });
  });
});
