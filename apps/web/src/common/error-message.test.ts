import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.ts';

describe('errorMessage', () => {
  it('keeps the API’s own wording', () => {
    expect(errorMessage(new Error('Email or password is incorrect'))).toBe('Email or password is incorrect');
  });

  it('rewords a failure to reach the server', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(errorMessage({ message: 'Load failed' })).toMatch(/could not be reached/);
  });
});
