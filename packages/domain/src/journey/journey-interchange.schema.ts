import { z } from 'zod';
import { text, ZName, ZText } from '../common/common.schema.ts';
import { ZChannel } from './journey.schema.ts';

/** The file format's name and version: a reader refuses any other. */
export const JOURNEY_FORMAT = 'throughline.journey';
export const JOURNEY_FORMAT_VERSION = 1;

/**
 * A journey with its blueprint, portable between organisations and tools: steps are named by
 * a key local to the file, systems by name (ids mean nothing in another organisation).
 */
export const ZJourneyDocument = z.object({
  format: z.literal(JOURNEY_FORMAT),
  formatVersion: z.literal(JOURNEY_FORMAT_VERSION),
  exportedAt: text().max(100).optional(),
  journey: z.object({
    name: ZName,
    description: ZText,
    personas: z.array(ZName).max(20),
    stages: z
      .array(
        z.object({
          name: ZName,
          steps: z
            .array(
              z.object({
                key: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'),
                name: ZName,
                channel: ZChannel,
                customerAction: ZText,
                frontstage: ZText,
                backstage: ZText,
                supportProcesses: ZText,
                evidence: ZText,
                systems: z.array(ZName).max(50),
                dependsOn: z.array(text().max(64)).max(50),
              }),
            )
            .max(100),
        }),
      )
      .min(1, 'a journey needs at least one stage')
      .max(30),
  }),
});
export type JourneyDocument = z.infer<typeof ZJourneyDocument>;

export interface DocumentProblem {
  path: string;
  message: string;
}

/** What a schema cannot say: step keys unique in the file, dependencies naming its own steps. */
export function journeyDocumentProblems(doc: JourneyDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const seen = new Map<string, string>();
  doc.journey.stages.forEach((stage, i) =>
    stage.steps.forEach((step, j) => {
      const path = `journey.stages.${i}.steps.${j}`;
      const first = seen.get(step.key);
      if (first) problems.push({ path: `${path}.key`, message: `repeats the key of ${first}` });
      else seen.set(step.key, path);
    }),
  );
  doc.journey.stages.forEach((stage, i) =>
    stage.steps.forEach((step, j) =>
      step.dependsOn.forEach((key, k) => {
        const path = `journey.stages.${i}.steps.${j}.dependsOn.${k}`;
        if (key === step.key) problems.push({ path, message: 'a step cannot depend on itself' });
        else if (!seen.has(key)) problems.push({ path, message: `names no step of this journey (“${key}”)` });
      }),
    ),
  );
  return problems;
}
