import { CostField } from '../common/cost-field.tsx';
import { DateField } from '../common/date-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

/** When delivery starts and went live, what changed, and what it has cost so far. */
export function CaseDeliveryFieldset({ form }: { form: DraftForm<CaseForm> }) {
  const { field } = form;
  return (
    <fieldset className="case-editor__group">
      <legend>Delivery</legend>
      <div className="form__row">
        <DateField label={FIELD_LABEL.deliveryStartOn} {...field('deliveryStartOn')} />
        <DateField
          label={FIELD_LABEL.implementedOn}
          {...field('implementedOn')}
          hint="When it went live: the acid test compares the KPI before and after."
        />
      </div>
      <TextAreaField
        label={FIELD_LABEL.changeSummary}
        required={false}
        {...field('changeSummary')}
        hint="What actually changed for customers and staff when it went live."
      />
      <div className="form__row">
        <CostField label={FIELD_LABEL.spentBusiness} {...field('spentBusiness')} />
        <CostField label={FIELD_LABEL.spentTechnology} {...field('spentTechnology')} />
      </div>
    </fieldset>
  );
}
