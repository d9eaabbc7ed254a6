import { describe, expect, it } from 'vitest';
import { isCron, surveyScale, ZKpiSource } from './kpi.schema.ts';

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

describe('a survey KPI’s stated scale', () => {
  it('defaults to the instrument’s usual scale and box', () => {
    expect(surveyScale({ instrument: 'csat' })).toEqual({ max: 5, positiveFrom: 4 });
    expect(surveyScale({ instrument: 'ces' })).toEqual({ max: 7, positiveFrom: 5 });
  });
  it('states CSAT on 1–7 with its top box, and refuses scales the instrument is not asked on', () => {
    const seven = ZKpiSource.parse({ stream: 'survey', instrument: 'csat', scale: { max: 7, positiveFrom: 6 } });
    expect(seven.stream === 'survey' && surveyScale(seven)).toEqual({ max: 7, positiveFrom: 6 });
    const paths = (source: unknown) => ZKpiSource.safeParse(source).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ stream: 'survey', instrument: 'csat', scale: { max: 6, positiveFrom: 5 } })).toEqual(['scale.max']);
    expect(paths({ stream: 'survey', instrument: 'csat', scale: { max: 7, positiveFrom: 8 } })).toEqual(['scale.positiveFrom']);
    expect(paths({ stream: 'survey', instrument: 'nps', scale: { max: 10, positiveFrom: 8 } })).toEqual(['scale.positiveFrom']);
  });
});
