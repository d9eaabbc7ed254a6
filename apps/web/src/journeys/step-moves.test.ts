import type { Stage } from '@throughline/domain';
import { describe, expect, it } from 'vitest';
import { neighbourPlace } from './step-moves.ts';

const stage = (id: string, stepIds: string[]): Stage => ({
  id,
  name: id,
  position: 0,
  steps: stepIds.map((sid, position) => ({
    id: sid,
    stageId: id,
    name: sid,
    channel: 'web',
    position,
    blueprint: { customerAction: '', frontstage: '', backstage: '', supportProcesses: '', evidence: '', systemIds: [] },
    dependsOnStepIds: [],
    version: 1,
  })),
});
const stages = [stage('report', ['a', 'b']), stage('empty', []), stage('settle', ['c'])];

describe('moving a step one place', () => {
  it('moves within its stage', () => {
    expect(neighbourPlace(stages, 'a', 1)).toEqual({ stageId: 'report', position: 1 });
    expect(neighbourPlace(stages, 'b', -1)).toEqual({ stageId: 'report', position: 0 });
  });

  it('crosses into the neighbouring stage, even an empty one', () => {
    expect(neighbourPlace(stages, 'b', 1)).toEqual({ stageId: 'empty', position: 0 });
    expect(neighbourPlace(stages, 'c', -1)).toEqual({ stageId: 'empty', position: 0 });
  });

  it('stops at either end of the journey', () => {
    expect(neighbourPlace(stages, 'a', -1)).toBeNull();
    expect(neighbourPlace(stages, 'c', 1)).toBeNull();
    expect(neighbourPlace(stages, 'nope', 1)).toBeNull();
  });
});
