import { useId } from 'react';
import { FormAlert } from './form-alert.tsx';
import { SubmitButton } from './submit-button.tsx';
import { TextAreaField } from './text-area-field.tsx';
import { useDraftForm, type InputSchema } from './use-draft-form.ts';

export type Decision = 'approve' | 'reject';

interface ReasonedDecisionFormProps {
  /** The form's accessible name, e.g. `Decide “Clearer renewal letters”`. */
  label: string;
  className: string;
  buttonsClassName: string;
  /** The two buttons' words, and what each says while its decision is being sent. */
  words: { approve: string; approving: string; reject: string; rejecting: string };
  /** The decision's input schema: an empty reason is refused beside the field, before anything is sent. */
  schema: InputSchema;
  /** Sends the decision; a refusal shows in the form. */
  onDecide: (decision: Decision, reason: string) => Promise<unknown>;
}

const decisionOf = (intent: string | undefined): Decision => (intent === 'reject' ? 'reject' : 'approve');

/** Approve or reject, always with a reason: the decision log keeps it with the decider's name. */
export function ReasonedDecisionForm({ label, className, buttonsClassName, words, schema, onDecide }: ReasonedDecisionFormProps) {
  const alertId = useId();
  // Two submit buttons: the one pressed says which decision it is.
  const form = useDraftForm({
    initial: { reason: '' },
    toInput: (draft, intent) => ({ decision: decisionOf(intent), reason: draft.reason.trim() }),
    schema,
    submit: (input) => onDecide(input.decision, input.reason),
  });
  const pending = form.submitting ? decisionOf(form.pendingIntent) : null;
  return (
    <form className={className} {...form.formProps} noValidate aria-label={label}>
      <FormAlert id={alertId} error={form.error} fields={form.fields} />
      <TextAreaField
        label="Reason for the decision"
        rows={2}
        {...form.field('reason')}
        hint="Recorded in the decision log with your name, for the team and the council to read."
      />
      <div className={buttonsClassName}>
        <SubmitButton
          label={words.approve}
          pendingLabel={words.approving}
          value="approve"
          pending={pending === 'approve'}
          disabled={pending !== null}
        />
        <SubmitButton
          label={words.reject}
          pendingLabel={words.rejecting}
          value="reject"
          variant="secondary"
          pending={pending === 'reject'}
          disabled={pending !== null}
        />
      </div>
    </form>
  );
}
