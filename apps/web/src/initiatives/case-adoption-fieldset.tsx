import { NumberField } from '../common/number-field.tsx';
import { TextField } from '../common/text-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

/** Who must work differently, and how their use of the change is measured. */
export function CaseAdoptionFieldset({ form }: { form: DraftForm<CaseForm> }) {
  const { field } = form;
  return (
    <fieldset className="case-editor__group">
      <legend>Adoption plan</legend>
      <div className="form__row">
        <NumberField label={FIELD_LABEL.peopleToTrain} {...field('peopleToTrain')} hint="Frontline staff who need to work differently." />
        <NumberField label={FIELD_LABEL.peopleTrained} {...field('peopleTrained')} />
      </div>
      <div className="form__row">
        <TextField
          label={FIELD_LABEL.usageMeasure}
          required={false}
          {...field('usageMeasure')}
          hint="How use is measured, e.g. “share of claims triaged with the new tool”."
        />
        <NumberField label={FIELD_LABEL.usageValue} {...field('usageValue')} hint="The latest reading of that measure." />
      </div>
    </fieldset>
  );
}
