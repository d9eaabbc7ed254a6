import { describe, expect, it } from 'vitest';
import type { Stage, Step } from './journey.schema.ts';
import { journeyStructureProblems } from './journey-structure.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const blueprint = { customerAction: '', frontstage: '', backstage: '', supportProcesses: '', evidence: '', systemIds: [] };
const step = (id: number, position: number, dependsOn: number[] = []): Step => ({
  id: uuid(id),
  stageId: uuid(100),
  name: `Step ${id}`,
  channel: 'web',
  position,
  blueprint,
  dependsOnStepIds: dependsOn.map(uuid),
  version: 1,
});
const stage = (id: number, position: number, steps: Step[]): Stage => ({ id: uuid(id), name: `Stage ${id}`, position, steps });

describe('journeyStructureProblems', () => {
  it('accepts gap-free positions and in-journey dependencies', () => {
    const stages = [stage(100, 0, [step(1, 0), step(2, 1, [1])]), stage(101, 1, [step(3, 0, [2])])];
    expect(journeyStructureProblems(stages)).toEqual([]);
  });
  it('reports a gap in stage positions', () => {
    expect(journeyStructureProblems([stage(100, 0, []), stage(101, 2, [])])).toEqual([
      { path: 'stages', message: 'positions must run 0..1 without gaps or repeats' },
    ]);
  });
  it('reports repeated step positions with the stage path', () => {
    const problems = journeyStructureProblems([stage(100, 0, [step(1, 0), step(2, 0)])]);
    expect(problems.map((p) => p.path)).toEqual(['stages.0.steps']);
  });
  it('refuses self-dependencies and dependencies outside the journey', () => {
    const problems = journeyStructureProblems([stage(100, 0, [step(1, 0, [1]), step(2, 1, [99])])]);
    expect(problems).toEqual([
      { path: 'stages.0.steps.0.dependsOnStepIds.0', message: 'a step cannot depend on itself' },
      { path: 'stages.0.steps.1.dependsOnStepIds.0', message: 'depends on a step outside this journey' },
    ]);
  });
});
