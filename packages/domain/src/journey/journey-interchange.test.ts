import { describe, expect, it } from 'vitest';
import { journeyDocumentProblems, ZJourneyDocument, type JourneyDocument } from './journey-interchange.schema.ts';

const step = (key: string, dependsOn: string[] = []) => ({
  key,
  name: `Step ${key}`,
  channel: 'web' as const,
  customerAction: 'Acts',
  frontstage: '',
  backstage: '',
  supportProcesses: '',
  evidence: '',
  systems: ['CRM'],
  dependsOn,
});

const doc = (steps: ReturnType<typeof step>[]): JourneyDocument => ({
  format: 'throughline.journey',
  formatVersion: 1,
  journey: { name: 'Claim', description: '', personas: [], stages: [{ name: 'Report', steps }] },
});

describe('journey documents', () => {
  it('accept a well-formed journey', () => {
    expect(journeyDocumentProblems(doc([step('a'), step('b', ['a'])]))).toEqual([]);
  });

  it('refuse another format or version, naming the field', () => {
    const result = ZJourneyDocument.safeParse({ ...doc([step('a')]), formatVersion: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['formatVersion']);
  });

  it('report repeated keys and dependencies on unknown steps or on themselves, by path', () => {
    expect(journeyDocumentProblems(doc([step('a'), step('a'), step('c', ['c', 'zz'])]))).toEqual([
      { path: 'journey.stages.0.steps.1.key', message: 'repeats the key of journey.stages.0.steps.0' },
      { path: 'journey.stages.0.steps.2.dependsOn.0', message: 'a step cannot depend on itself' },
      { path: 'journey.stages.0.steps.2.dependsOn.1', message: 'names no step of this journey (“zz”)' },
    ]);
  });
});
