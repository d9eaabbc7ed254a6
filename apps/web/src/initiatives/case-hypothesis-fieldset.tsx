import { useQuery } from '@tanstack/react-query';
import { CheckListField } from '../common/check-list-field.tsx';
import { formatDate } from '../common/locale-format.ts';
import { TextAreaField } from '../common/text-area-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

/** What the team believes will change, and the journey's targeted outcomes it should move. */
export function CaseHypothesisFieldset({ form }: { form: DraftForm<CaseForm> }) {
  const { field } = form;
  const outcomes = useQuery(trpc.outcome.list.queryOptions({ journeyId: form.draft.journeyId }));
  return (
    <fieldset className="case-editor__group">
      <legend>Hypothesis and outcomes</legend>
      <TextAreaField
        label={FIELD_LABEL.hypothesis}
        required={false}
        {...field('hypothesis')}
        hint="“We believe that … will … because …”: what you expect to change, and why."
      />
      <CheckListField
        legend={FIELD_LABEL.outcomeIds}
        {...field('outcomeIds')}
        options={(outcomes.data ?? []).map((o) => ({
          value: o.id,
          label: o.title,
          detail: `${o.kpiName}: ${o.baseline} → ${o.target} by ${formatDate(o.byDate)}`,
        }))}
        hint="The journey’s targeted outcomes this should move (up to five)."
        empty={
          outcomes.isPending
            ? 'Loading the journey’s outcomes…'
            : 'This journey has no targeted outcomes yet: its owner team sets 3–5 of them.'
        }
      />
    </fieldset>
  );
}
