import type { RolloutDimension, RolloutPlan } from '@throughline/domain';
import type { FieldIssue } from '../common/field-issues.ts';

/**
 * One wave as the editor holds it. Groups are kept two ways, so switching the dimension between
 * named groups (segments, channels, regions: typed) and steps (ticked) loses neither.
 */
export interface WaveDraft {
  /** Stable across adding and removing waves, for React's keys and the fields' ids. */
  key: number;
  /** Segment, channel or region names as typed, comma-separated. */
  groupsText: string;
  stepIds: string[];
  startsOn: string;
}

/** The rollout plan as the editor holds it. */
export interface RolloutDraft {
  mode: RolloutPlan['mode'];
  /** '' until chosen. */
  dimension: RolloutDimension | '';
  waves: WaveDraft[];
  holdoutText: string;
  holdoutStepIds: string[];
  /** '' for no comparison journey; '' step for the whole journey. */
  comparisonJourneyId: string;
  comparisonStepId: string;
}

/** "Homeowner, Landlord " → ["Homeowner", "Landlord"]: the groups a person typed, blanks and repeats dropped. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(',').map((g) => g.trim()))].filter((g) => g !== '');
}

const groupsText = (scopes: readonly string[]) => scopes.join(', ');

export function rolloutDraftOf(plan: RolloutPlan): RolloutDraft {
  const steps = plan.dimension === 'step';
  return {
    mode: plan.mode,
    dimension: plan.dimension ?? '',
    waves: plan.waves.map((w, i) => ({
      key: i + 1,
      groupsText: steps ? '' : groupsText(w.scopes),
      stepIds: steps ? [...w.scopes] : [],
      startsOn: w.startsOn,
    })),
    holdoutText: steps ? '' : groupsText(plan.holdout),
    holdoutStepIds: steps ? [...plan.holdout] : [],
    comparisonJourneyId: plan.comparison?.journeyId ?? '',
    comparisonStepId: plan.comparison?.stepId ?? '',
  };
}

/** A new wave after the last: it starts on the last wave's date (or the implementation date) until changed. */
export function addWave(draft: RolloutDraft, implementedOn: string): RolloutDraft {
  const last = draft.waves.at(-1);
  const key = Math.max(0, ...draft.waves.map((w) => w.key)) + 1;
  return { ...draft, waves: [...draft.waves, { key, groupsText: '', stepIds: [], startsOn: last?.startsOn ?? implementedOn }] };
}

export function removeWave(draft: RolloutDraft, key: number): RolloutDraft {
  return { ...draft, waves: draft.waves.filter((w) => w.key !== key) };
}

/**
 * Switching to waves starts with one wave, so there is a first field to fill; back to all at
 * once keeps the waves in the draft (they are not sent) in case it was a slip.
 */
export function setMode(draft: RolloutDraft, mode: RolloutDraft['mode'], implementedOn: string): RolloutDraft {
  const next = { ...draft, mode };
  return mode === 'waves' && draft.waves.length === 0 ? addWave(next, implementedOn) : next;
}

/**
 * The plan the draft describes, and what the schema cannot see: a wave with no date. Waves are
 * sent only in waves mode, and groups only in the form the dimension takes (step ids for steps,
 * names otherwise), so what is hidden is never what gets refused.
 */
export function rolloutPlanOf(draft: RolloutDraft): { plan: RolloutPlan; issues: FieldIssue[] } {
  const steps = draft.dimension === 'step';
  const waves = draft.mode === 'waves' ? draft.waves : [];
  const issues: FieldIssue[] = [];
  waves.forEach((w, i) => {
    if (w.startsOn.trim() === '') issues.push({ path: `rollout.waves.${i}.startsOn`, message: 'is required: the day this wave goes live' });
  });
  const plan: RolloutPlan = {
    mode: draft.mode,
    dimension: draft.dimension === '' ? null : draft.dimension,
    waves: waves.map((w) => ({ scopes: steps ? [...w.stepIds] : parseGroups(w.groupsText), startsOn: w.startsOn })),
    holdout: steps ? [...draft.holdoutStepIds] : parseGroups(draft.holdoutText),
    comparison: draft.comparisonJourneyId ? { journeyId: draft.comparisonJourneyId, stepId: draft.comparisonStepId || null } : null,
  };
  return { plan, issues };
}

/** Each rollout field's label, for the issues shown beside it and in a gate's refusal: "Wave 2 groups". */
export function rolloutFieldLabel(path: string): string | null {
  const wave = /^rollout\.waves\.(\d+)(?:\.(scopes|startsOn))?(?:\.\d+)?$/.exec(path);
  if (wave) {
    const n = Number(wave[1]) + 1;
    return wave[2] === 'startsOn' ? `Wave ${n} starts on` : wave[2] === 'scopes' ? `Wave ${n} groups` : `Wave ${n}`;
  }
  if (/^rollout\.holdout(\.\d+)?$/.test(path)) return 'Held out';
  const label: Record<string, string> = {
    rollout: 'Rollout plan',
    'rollout.mode': 'How it goes live',
    'rollout.dimension': 'Rollout by',
    'rollout.waves': 'Waves',
    'rollout.comparison': 'Comparison journey',
    'rollout.comparison.journeyId': 'Comparison journey',
    'rollout.comparison.stepId': 'Comparison step',
  };
  return label[path] ?? null;
}
