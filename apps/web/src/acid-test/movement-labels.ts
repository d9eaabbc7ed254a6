import type { Movement } from '@throughline/domain';

const LABEL: Record<Movement, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  no_measurable_movement: 'No measurable movement',
  insufficient_data: 'Insufficient data',
  not_testable: 'Not testable',
};

const MEANING: Record<Movement, string> = {
  improved: 'Moved the better way, significant at p < 0.05.',
  worsened: 'Moved the worse way, significant at p < 0.05.',
  no_measurable_movement: 'Any difference is within what chance alone would give (p ≥ 0.05).',
  insufficient_data: 'Too few responses before or after the change to judge.',
  not_testable: 'This kind of KPI has no significance test; compare the values.',
};

/** The verdict in words: "No measurable movement". */
export function movementLabel(movement: Movement): string {
  return LABEL[movement];
}

/** What the verdict means, in a sentence. */
export function movementMeaning(movement: Movement): string {
  return MEANING[movement];
}
