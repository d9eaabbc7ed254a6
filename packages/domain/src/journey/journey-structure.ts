import type { Stage } from './journey.schema.ts';

export interface StructureProblem {
  path: string;
  message: string;
}

/**
 * Checks what the database cannot check in one row: stage and step positions are a
 * gap-free 0..n-1 sequence, and dependencies point at steps of the same journey, never at
 * themselves.
 */
export function journeyStructureProblems(stages: readonly Stage[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const stepIds = new Set(stages.flatMap((s) => s.steps.map((st) => st.id)));
  checkSequence(
    stages.map((s) => s.position),
    'stages',
    problems,
  );
  stages.forEach((stage, i) => {
    checkSequence(
      stage.steps.map((s) => s.position),
      `stages.${i}.steps`,
      problems,
    );
    stage.steps.forEach((step, j) => {
      step.dependsOnStepIds.forEach((dep, k) => {
        const path = `stages.${i}.steps.${j}.dependsOnStepIds.${k}`;
        if (dep === step.id) problems.push({ path, message: 'a step cannot depend on itself' });
        else if (!stepIds.has(dep)) problems.push({ path, message: 'depends on a step outside this journey' });
      });
    });
  });
  return problems;
}

function checkSequence(positions: number[], path: string, problems: StructureProblem[]): void {
  const sorted = [...positions].sort((a, b) => a - b);
  if (sorted.some((p, i) => p !== i)) {
    problems.push({ path, message: `positions must run 0..${positions.length - 1} without gaps or repeats` });
  }
}
