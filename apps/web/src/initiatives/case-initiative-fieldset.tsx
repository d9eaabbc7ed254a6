import type { JourneySummary, Team } from '@throughline/domain';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

interface CaseInitiativeFieldsetProps {
  form: DraftForm<CaseForm>;
  journeys: readonly JourneySummary[];
  /** The teams it may be moved to: the person's own, and its current one. */
  teams: readonly Team[];
}

/** The case's title, owning team and journey. */
export function CaseInitiativeFieldset({ form, journeys, teams }: CaseInitiativeFieldsetProps) {
  const { field } = form;
  const chooseJourney = (journeyId: string) =>
    // Failure points and outcomes belong to a journey: another journey starts them afresh.
    form.update((f) => (f.journeyId === journeyId ? f : { ...f, journeyId, failurePointIds: [], outcomeIds: [] }));
  return (
    <fieldset className="case-editor__group">
      <legend>The initiative</legend>
      <TextField label={FIELD_LABEL.title} autoComplete="off" {...field('title')} />
      <div className="form__row">
        <SelectField label={FIELD_LABEL.teamId} options={teams.map((t) => ({ value: t.id, label: t.name }))} {...field('teamId')} />
        <SelectField
          label={FIELD_LABEL.journeyId}
          options={journeys.map((j) => ({ value: j.id, label: j.name }))}
          {...field('journeyId')}
          onChange={chooseJourney}
          hint="Another journey clears the failure points and outcomes chosen below."
        />
      </div>
    </fieldset>
  );
}
