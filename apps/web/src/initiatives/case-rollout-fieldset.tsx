import { useQuery } from '@tanstack/react-query';
import {
  describeRollout,
  ROLLOUT_DIMENSIONS,
  rolloutHasComparison,
  type Journey,
  type JourneySummary,
  type RolloutDimension,
} from '@throughline/domain';
import { useId, useRef } from 'react';
import { CheckListField } from '../common/check-list-field.tsx';
import { DateField } from '../common/date-field.tsx';
import { issueText } from '../common/field-issues.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import type { CaseForm } from './case-form.ts';
import { addWave, removeWave, rolloutPlanOf, setMode, type RolloutDraft, type WaveDraft } from './rollout-form.ts';

const DIMENSION_LABEL: Record<RolloutDimension, string> = {
  segment: 'Customer segment',
  channel: 'Channel',
  region: 'Region',
  step: 'Step of the journey',
};

const DIMENSION_OPTIONS: { value: RolloutDimension | ''; label: string }[] = [
  { value: '', label: 'Not needed: no waves or holdout' },
  ...ROLLOUT_DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABEL[d] })),
];

const MODES = [
  { value: 'all_at_once', label: 'All at once', detail: 'Everyone gets the change on the implementation date.' },
  {
    value: 'waves',
    label: 'In waves',
    detail: 'Groups of customers get it on different dates; those not reached yet show what would have happened without it.',
  },
] as const;

interface CaseRolloutFieldsetProps {
  form: DraftForm<CaseForm>;
  journeys: readonly JourneySummary[];
}

/**
 * How the change reaches customers: all at once or in waves by segment, channel, region or step,
 * with groups held out and a comparison journey. What it leaves unreached is what the acid test
 * compares with, so the fieldset ends by saying which test the plan allows.
 */
export function CaseRolloutFieldset({ form, journeys }: CaseRolloutFieldsetProps) {
  const draft = form.draft.rollout;
  const ownJourney = useQuery({ ...trpc.journey.get.queryOptions({ id: form.draft.journeyId }), enabled: form.draft.journeyId !== '' });
  const comparisonId = draft.comparisonJourneyId;
  const comparisonJourney = useQuery({ ...trpc.journey.get.queryOptions({ id: comparisonId }), enabled: comparisonId !== '' });
  const wavesRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const modeName = useId();
  const implementedOn = form.draft.implementedOn || new Date().toISOString().slice(0, 10);

  const change = (next: (r: RolloutDraft) => RolloutDraft) => form.update((f) => ({ ...f, rollout: next(f.rollout) }));
  const setWave = (key: number, patch: Partial<WaveDraft>) =>
    change((r) => ({ ...r, waves: r.waves.map((w) => (w.key === key ? { ...w, ...patch } : w)) }));
  // Focus follows what was added or removed, so a keyboard user is never left on a button that is gone.
  const focusWave = (index: number) =>
    requestAnimationFrame(() => wavesRef.current?.querySelector<HTMLElement>(`[name="rollout.waves.${index}.scopes"]`)?.focus());

  const ownSteps = stepOptions(ownJourney.data);
  const stepName = new Map([...ownSteps, ...stepOptions(comparisonJourney.data)].map((s) => [s.value, s.label]));
  const noSteps = ownJourney.isPending ? 'Loading the journey’s steps…' : 'This journey has no steps yet.';
  const { plan } = rolloutPlanOf(draft);
  const byStep = draft.dimension === 'step';
  const exactIssue = (path: string) => {
    const messages = form.issues.filter((i) => i.path === path).map((i) => i.message);
    return messages.length > 0 ? messages.join('; ') : undefined;
  };
  const modeIssue = form.issue('rollout.mode');
  const wavesIssue = exactIssue('rollout.waves');

  return (
    <fieldset className="case-editor__group rollout">
      <legend>Rollout plan</legend>
      <p className="field__hint rollout__lead">
        How the change reaches customers decides what the acid test can compare them with. Customers it has not reached yet, in a later wave
        or held out, give the strongest test.
      </p>

      <fieldset className="rollout__modes" data-field="rollout.mode" tabIndex={-1} aria-invalid={modeIssue ? true : undefined}>
        <legend className="check-list__legend">How it goes live</legend>
        <div className="rollout__mode-options">
          {MODES.map((m) => (
            <label key={m.value} className="rollout__mode">
              <input
                type="radio"
                name={modeName}
                value={m.value}
                checked={draft.mode === m.value}
                onChange={() => {
                  change((r) => setMode(r, m.value, implementedOn));
                  if (m.value === 'waves' && draft.waves.length === 0) focusWave(0);
                }}
              />
              <span>
                <span className="rollout__mode-label">{m.label}</span>
                <span className="rollout__mode-detail">{m.detail}</span>
              </span>
            </label>
          ))}
        </div>
        {modeIssue ? <p className="field__issue">{issueText('How it goes live', modeIssue)}</p> : null}
      </fieldset>

      <div className="form__row">
        <SelectField
          label="Rollout by"
          name="rollout.dimension"
          value={draft.dimension}
          options={DIMENSION_OPTIONS}
          onChange={(dimension) => change((r) => ({ ...r, dimension }))}
          issue={form.issue('rollout.dimension')}
          hint="What tells the waves and the holdout apart. Survey answers and events carry a segment and a channel; only operational events carry a region."
        />
      </div>

      {draft.mode === 'waves' ? (
        <div className="rollout__waves" ref={wavesRef}>
          <ol className="rollout__wave-list">
            {draft.waves.map((wave, index) => (
              <li key={wave.key}>
                <fieldset className="rollout-wave">
                  <legend className="rollout-wave__title">Wave {index + 1}</legend>
                  <div className="rollout-wave__fields">
                    {byStep ? (
                      <CheckListField
                        legend={`Wave ${index + 1} steps`}
                        name={`rollout.waves.${index}.scopes`}
                        value={wave.stepIds}
                        onChange={(stepIds) => setWave(wave.key, { stepIds })}
                        options={ownSteps}
                        issue={form.issue(`rollout.waves.${index}.scopes`)}
                        layout="framed"
                        empty={noSteps}
                      />
                    ) : (
                      <TextField
                        label={`Wave ${index + 1} groups`}
                        name={`rollout.waves.${index}.scopes`}
                        autoComplete="off"
                        value={wave.groupsText}
                        onChange={(groupsText) => setWave(wave.key, { groupsText })}
                        issue={form.issue(`rollout.waves.${index}.scopes`)}
                        hint={groupsHint(draft.dimension)}
                      />
                    )}
                    <DateField
                      label={`Wave ${index + 1} starts on`}
                      name={`rollout.waves.${index}.startsOn`}
                      value={wave.startsOn}
                      onChange={(startsOn) => setWave(wave.key, { startsOn })}
                      issue={form.issue(`rollout.waves.${index}.startsOn`)}
                      hint={index === 0 ? 'When the change first went live: the implementation date.' : undefined}
                    />
                  </div>
                  {exactIssue(`rollout.waves.${index}`) ? <p className="field__issue">{exactIssue(`rollout.waves.${index}`)}</p> : null}
                  <button
                    type="button"
                    className="button button--secondary button--small rollout-wave__remove"
                    onClick={() => {
                      change((r) => removeWave(r, wave.key));
                      requestAnimationFrame(() => addButton.current?.focus());
                    }}
                  >
                    Remove wave {index + 1}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <div data-field="rollout.waves" tabIndex={-1} className="rollout__add">
            <button
              ref={addButton}
              type="button"
              className="button button--secondary"
              disabled={draft.waves.length >= 12}
              onClick={() => {
                change((r) => addWave(r, implementedOn));
                focusWave(draft.waves.length);
              }}
            >
              Add a wave
            </button>
            {wavesIssue ? <p className="field__issue">{issueText('Waves', wavesIssue)}</p> : null}
          </div>
        </div>
      ) : null}

      {byStep ? (
        <CheckListField
          legend="Held out"
          name="rollout.holdout"
          value={draft.holdoutStepIds}
          onChange={(holdoutStepIds) => change((r) => ({ ...r, holdoutStepIds }))}
          options={ownSteps}
          issue={form.issue('rollout.holdout')}
          hint="Steps that never get the change: the cleanest comparison. Optional."
          layout="framed"
          empty={noSteps}
        />
      ) : (
        <TextField
          label="Held out"
          name="rollout.holdout"
          required={false}
          autoComplete="off"
          value={draft.holdoutText}
          onChange={(holdoutText) => change((r) => ({ ...r, holdoutText }))}
          issue={form.issue('rollout.holdout')}
          hint={`Groups that never get the change: the cleanest comparison. Optional. ${groupsHint(draft.dimension)}`}
        />
      )}

      <ComparisonFields form={form} journeys={journeys} comparison={comparisonJourney.data} />

      <div className="rollout__summary">
        <p>{describeRollout(plan, (scope) => stepName.get(scope) ?? scope)}</p>
        <p className="field__hint">
          {rolloutHasComparison(plan)
            ? 'The acid test can compare customers the change reached with those it had not reached yet: a difference in differences, which the season and anything else that hits both groups cannot fool.'
            : 'Nobody is left to compare with, so the acid test will judge the change against the KPI’s own trend and season (an interrupted time series), a weaker test. A later wave, a holdout or a comparison journey makes a stronger one.'}
        </p>
      </div>
    </fieldset>
  );
}

/** A journey's steps in the order customers meet them, each with its stage. */
function stepOptions(journey: Journey | undefined): { value: string; label: string; detail: string }[] {
  return (journey?.stages ?? []).flatMap((stage) => stage.steps.map((step) => ({ value: step.id, label: step.name, detail: stage.name })));
}

function groupsHint(dimension: RolloutDimension | ''): string {
  switch (dimension) {
    case 'segment':
      return 'Segment names as your data has them, separated by commas, e.g. Homeowner, Landlord.';
    case 'channel':
      return 'Channels as your data has them, separated by commas, e.g. web, phone.';
    case 'region':
      return 'Regions as your events’ region attribute has them, separated by commas.';
    default:
      return 'Choose what the rollout is by first; names are separated by commas.';
  }
}

interface ComparisonFieldsProps {
  form: DraftForm<CaseForm>;
  journeys: readonly JourneySummary[];
  /** The comparison journey, once chosen and loaded: its steps by stage. */
  comparison: Journey | undefined;
}

/** A journey (or one of its steps) the change does not touch, measured on the same KPI. */
function ComparisonFields({ form, journeys, comparison }: ComparisonFieldsProps) {
  const draft = form.draft.rollout;
  const change = (patch: Partial<RolloutDraft>) => form.update((f) => ({ ...f, rollout: { ...f.rollout, ...patch } }));
  // The initiative's own journey is not a comparison; one chosen before the journey changed stays listed so it can be seen and fixed.
  const options = journeys.filter((j) => j.id !== form.draft.journeyId || j.id === draft.comparisonJourneyId);
  const stages = comparison?.id === draft.comparisonJourneyId ? comparison.stages : [];
  return (
    <div className="form__row">
      <SelectField
        label="Comparison journey"
        name="rollout.comparison.journeyId"
        value={draft.comparisonJourneyId}
        options={[{ value: '', label: 'None' }, ...options.map((j) => ({ value: j.id, label: j.name }))]}
        // Another journey's steps are not this one's: the step starts again.
        onChange={(comparisonJourneyId) => change({ comparisonJourneyId, comparisonStepId: '' })}
        issue={form.issue('rollout.comparison.journeyId')}
        hint="Optional: a journey the change does not touch, measured on the same KPI definition."
      />
      <SelectField
        label="Comparison step"
        name="rollout.comparison.stepId"
        value={draft.comparisonStepId}
        options={[{ value: '', label: draft.comparisonJourneyId ? 'The whole journey' : 'Choose a journey first' }]}
        groups={stages.map((stage) => ({
          key: stage.id,
          label: stage.name,
          options: stage.steps.map((step) => ({ value: step.id, label: step.name })),
        }))}
        disabled={!draft.comparisonJourneyId}
        onChange={(comparisonStepId) => change({ comparisonStepId })}
        issue={form.issue('rollout.comparison.stepId')}
        hint="Optional: one step of it, when only that step is comparable."
      />
    </div>
  );
}
