import { describe, expect, it } from 'vitest';
import { isCron } from './kpi.schema.ts';

describe('KPI schedules', () => {
  it('accept five-field cron expressions', () => {
    for (const ok of ['0 3 * * *', '*/15 * * * *', '0 6 * * 1-5', '30 2 1 */3 *', '0 0,12 * * 0']) expect(isCron(ok), ok).toBe(true);
  });

  it('refuse anything else', () => {
    for (const bad of ['', 'daily', '0 3 * *', '0 3 * * * *', '60 3 * * *', '0 24 * * *', '0 3 32 * *', '0 3 * 13 *', '0 3 * * 8', 'a b c d e']) {
      expect(isCron(bad), bad).toBe(false);
    }
  });
});
