import type { InitiativeInput } from '@throughline/domain';
import { rolloutFieldLabel } from './rollout-form.ts';

export type InitiativeField = keyof InitiativeInput;

/** Each field's label, as the case editor shows it; the gate and the API name fields by these keys. */
export const FIELD_LABEL: Record<InitiativeField, string> = {
  title: 'Title',
  journeyId: 'Journey',
  teamId: 'Owning team',
  problem: 'Problem statement',
  hypothesis: 'Hypothesis',
  failurePointIds: 'Failure points it fixes',
  outcomeIds: 'Outcomes targeted',
  oneOffBusiness: 'One-off cost, business',
  oneOffTechnology: 'One-off cost, technology',
  runningBusiness: 'Running cost a year, business',
  runningTechnology: 'Running cost a year, technology',
  itEffortDays: 'IT effort (days)',
  systemIds: 'Systems it changes',
  kpiId: 'KPI',
  expectedUplift: 'Expected uplift (points)',
  upliftConfidence: 'Confidence in the uplift',
  valuePerPointOverride: 'Value per point (override)',
  peopleToTrain: 'People to train',
  peopleTrained: 'People trained',
  usageMeasure: 'Usage measure',
  usageValue: 'Usage so far',
  rollout: 'Rollout plan',
  deliveryStartOn: 'Delivery starts on',
  implementedOn: 'Implemented on',
  changeSummary: 'What changed in operations',
  changeProposalId: 'Policy change',
  spentBusiness: 'Spent so far, business',
  spentTechnology: 'Spent so far, technology',
};

export function fieldLabel(path: string): string {
  return path in FIELD_LABEL ? FIELD_LABEL[path as InitiativeField] : (rolloutFieldLabel(path) ?? path);
}

/** Words that read on from a field's label: "Hypothesis is required…", "KPI has no results…". */
const READS_ON = /^(is|are|has|have|cannot|must|raises)\b/;

/**
 * A gate's or the API's complaint about a field as a sentence. Gate messages are written either
 * as phrases that follow the label or as instructions ("target at least one…"); zod's start with
 * a capital and stand alone.
 */
export function issueSentence(path: string, message: string): string {
  if (READS_ON.test(message)) return `${fieldLabel(path)} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** One field's complaints, joined into the sentence shown beside it. */
export function caseIssueText(path: string, messages: readonly string[]): string {
  return issueSentence(path, messages.join('; '));
}
