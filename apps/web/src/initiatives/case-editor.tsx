import { useMutation } from '@tanstack/react-query';
import {
  checkGate,
  ZInitiativeInput,
  type Initiative,
  type JourneySummary,
  type KpiDefinition,
  type SystemWithOwner,
  type Team,
} from '@throughline/domain';
import { useEffect, useId, useRef, useState } from 'react';
import type { FieldIssue } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { CaseAdoptionFieldset } from './case-adoption-fieldset.tsx';
import { CaseDeliveryFieldset } from './case-delivery-fieldset.tsx';
import { caseFormOf, caseInputOf } from './case-form.ts';
import { CaseRolloutFieldset } from './case-rollout-fieldset.tsx';
import { CaseHypothesisFieldset } from './case-hypothesis-fieldset.tsx';
import { CaseInitiativeFieldset } from './case-initiative-fieldset.tsx';
import { CaseInvestmentFieldset } from './case-investment-fieldset.tsx';
import { CaseProblemFieldset } from './case-problem-fieldset.tsx';
import { caseIssueText, FIELD_LABEL } from './initiative-fields.ts';
import { nextStep } from './stage-labels.ts';

const FIELDS = Object.keys(FIELD_LABEL);

interface CaseEditorProps {
  initiative: Initiative;
  journeys: readonly JourneySummary[];
  /** The teams it may be moved to: the person's own, and its current one. */
  teams: readonly Team[];
  kpis: readonly KpiDefinition[];
  systems: readonly SystemWithOwner[];
  /** What the next gate refused, by field, shown beside the fields until they are fixed. */
  gateIssues: readonly FieldIssue[];
  onSaved: (after: Initiative, gateIssues: FieldIssue[]) => void;
  onCancel: () => void;
  /** Focus the editor's heading on opening; not when it opens to show a field or a refusal that takes focus itself. */
  focusOnOpen: boolean;
}

/** Edits the whole case in one form, a fieldset a part; the API's complaints and the gate's show beside their fields. */
export function CaseEditor({ initiative, journeys, teams, kpis, systems, gateIssues, onSaved, onCancel, focusOnOpen }: CaseEditorProps) {
  // The version the form was filled from: a change by someone else meanwhile is a conflict, not overwritten.
  const [baseVersion] = useState(initiative.version);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const alertId = useId();
  const update = useMutation(trpc.initiative.update.mutationOptions());
  const form = useDraftForm({
    initial: () => caseFormOf(initiative),
    toInput: (draft) => caseInputOf(initiative, draft).input,
    check: (draft) => caseInputOf(initiative, draft).issues,
    schema: ZInitiativeInput,
    submit: async (input) => {
      const after = await update.mutateAsync({ ...input, id: initiative.id, version: baseVersion });
      onSaved(after, stillMissing(after, gateIssues));
    },
    gateIssues,
    fields: FIELDS,
    issueText: caseIssueText,
    alertRef,
  });

  const [initialFocus] = useState(focusOnOpen);
  useEffect(() => {
    if (initialFocus) headingRef.current?.focus();
  }, [initialFocus]);

  // The rollout fieldset shows each of its issues beside the wave, group or date it is about.
  const rolloutPaths = form.issues.filter((i) => i.path.startsWith('rollout.')).map((i) => i.path);
  const conflict = form.serverError?.data?.code === 'CONFLICT';
  // The refusal has refreshed the initiative already (trpc.ts): reloading is closing the editor.
  const reload = () => onCancel();

  return (
    <form className="form panel case-editor" {...form.formProps} noValidate aria-labelledby={`${alertId}-title`}>
      <h2 ref={headingRef} id={`${alertId}-title`} className="panel__title" tabIndex={-1}>
        Edit the case
      </h2>
      <div ref={alertRef} tabIndex={-1} className="case-editor__alert">
        <FormAlert id={alertId} error={form.error} fields={[...form.fields, ...rolloutPaths]}>
          {conflict ? (
            <button type="button" className="button button--secondary" onClick={() => void reload()}>
              Reload the initiative
            </button>
          ) : null}
        </FormAlert>
      </div>
      <CaseInitiativeFieldset form={form} journeys={journeys} teams={teams} />
      <CaseProblemFieldset form={form} />
      <CaseHypothesisFieldset form={form} />
      <CaseInvestmentFieldset form={form} kpis={kpis} systems={systems} />
      <CaseAdoptionFieldset form={form} />
      <CaseRolloutFieldset form={form} journeys={journeys} />
      <CaseDeliveryFieldset form={form} />
      <div className="form__buttons case-editor__buttons">
        <SubmitButton label="Save the case" pending={form.submitting} />
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Which of the gate's refusals still stand after a save. The gates are pure domain rules, so the
 * page can drop what is fixed without asking; only the measured gate needs the server's facts.
 */
function stillMissing(after: Initiative, gateIssues: readonly FieldIssue[]): FieldIssue[] {
  const step = nextStep(after.stage);
  if (gateIssues.length === 0 || step.kind !== 'gate' || !step.to || step.to === 'measured') return [...gateIssues];
  const result = checkGate(after.stage, step.to, after, { today: new Date().toISOString().slice(0, 10) });
  return result.ok ? [] : result.issues;
}
