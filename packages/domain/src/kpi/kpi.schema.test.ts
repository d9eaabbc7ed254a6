import { describe, expect, it } from 'vitest';
import { isCron, surveyScale, ZKpiInput, ZKpiSource } from './kpi.schema.ts';

describe('KPI schedules', () => {
  it('accept five-field cron expressions', () => {
    for (const ok of ['0 3 * * *', '*/15 * * * *', '0 6 * * 1-5', '30 2 1 */3 *', '0 0,12 * * 0']) expect(isCron(ok), ok).toBe(true);
  });

  it('refuse anything else', () => {
    for (const bad of [
      '',
      'daily',
      '0 3 * *',
      '0 3 * * * *',
      '60 3 * * *',
      '0 24 * * *',
      '0 3 32 * *',
      '0 3 * 13 *',
      '0 3 * * 8',
      'a b c d e',
    ]) {
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

describe('a KPI’s kind and source', () => {
  const base = {
    key: 'k1',
    name: 'K',
    description: '',
    unit: '',
    scope: { level: 'organisation' },
    ownerTeamId: null,
    direction: 'higher_is_better',
    target: null,
    threshold: null,
    grain: 'month',
    schedule: '0 2 * * *',
    valuePerPoint: null,
  };
  const paths = (over: object) => ZKpiInput.safeParse({ ...base, ...over }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('refuses a kind the source cannot give, by field', () => {
    expect(paths({ kind: 'csat', source: { stream: 'survey', instrument: 'ces' } })).toEqual([
      'kind: CES answers cannot give a csat KPI; they give ces, ces_agree',
    ]);
    expect(paths({ kind: 'nps', source: { stream: 'operational', eventType: 'contact' } })?.[0]).toMatch(
      /^kind: operational events cannot give a nps KPI/,
    );
    expect(paths({ kind: 'rate', source: { stream: 'survey', instrument: 'nps' } })?.[0]).toMatch(/^kind:/);
  });

  it('takes CES “% agree” as a kind of its own, and defaults the minimum sample to 30', () => {
    const parsed = ZKpiInput.parse({ ...base, kind: 'ces_agree', source: { stream: 'survey', instrument: 'ces' } });
    expect(parsed).toMatchObject({ kind: 'ces_agree', minSample: 30, valuePerPointReason: null });
    expect(paths({ kind: 'ces', source: { stream: 'survey', instrument: 'ces' }, minSample: 1 })?.[0]).toMatch(/^minSample:/);
  });
});
