import { useQuery } from '@tanstack/react-query';
import { CheckListField } from '../common/check-list-field.tsx';
import { formatGbp } from '../common/locale-format.ts';
import { TextAreaField } from '../common/text-area-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

/** The problem: the journey's costed failure points it fixes, or a statement in the team's words. */
export function CaseProblemFieldset({ form }: { form: DraftForm<CaseForm> }) {
  const { field } = form;
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({ journeyId: form.draft.journeyId }));
  return (
    <fieldset className="case-editor__group">
      <legend>Problem</legend>
      <CheckListField
        legend={FIELD_LABEL.failurePointIds}
        {...field('failurePointIds')}
        options={(failurePoints.data ?? []).map((f) => ({
          value: f.id,
          label: f.title,
          detail: `${f.stepName} · ${formatGbp(f.annualCost)} a year`,
        }))}
        hint="The costed failures on this journey it should fix, costliest first."
        empty={
          failurePoints.isPending
            ? 'Loading the journey’s failure points…'
            : 'This journey has no failure points recorded yet: describe the problem below instead.'
        }
      />
      <TextAreaField
        label={FIELD_LABEL.problem}
        required={false}
        {...field('problem')}
        hint="What customers and the operation live through today, in your own words."
      />
    </fieldset>
  );
}
