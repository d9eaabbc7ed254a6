import { useId, useRef, useState, type FormEvent } from 'react';
import { issueFor, type FormError } from './field-issues.ts';
import { FormAlert } from './form-alert.tsx';
import { TextAreaField } from './text-area-field.tsx';

export type Decision = 'approve' | 'reject';

interface ReasonedDecisionFormProps {
  /** The form's accessible name, e.g. `Decide “Clearer renewal letters”`. */
  label: string;
  className: string;
  buttonsClassName: string;
  /** The two buttons' words, and what each says while its decision is being sent. */
  words: { approve: string; approving: string; reject: string; rejecting: string };
  /** The decision being sent, if one is. */
  pending: Decision | null;
  error: FormError | null;
  onDecide: (decision: Decision, reason: string) => void;
}

const DECIDE_FIELDS = ['reason'] as const;

/**
 * Approve or reject, always with a reason: the decision log keeps it with the decider's name.
 * The caller sends the decision; an empty reason is refused here, beside the field, first.
 */
export function ReasonedDecisionForm({ label, className, buttonsClassName, words, pending, error, onDecide }: ReasonedDecisionFormProps) {
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const alertId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Two submit buttons: the one pressed says which decision it is.
    const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    if (decision !== 'approve' && decision !== 'reject') return;
    if (reason.trim() === '') {
      setMissingReason(true);
      reasonRef.current?.focus();
      return;
    }
    setMissingReason(false);
    onDecide(decision, reason.trim());
  };

  const issue = missingReason ? 'is required: say why, for the decision log' : issueFor(error, 'reason');
  return (
    <form className={className} onSubmit={onSubmit} noValidate aria-label={label}>
      <FormAlert id={alertId} error={error} fields={DECIDE_FIELDS} />
      <TextAreaField
        ref={reasonRef}
        label="Reason for the decision"
        name="reason"
        rows={2}
        value={reason}
        onChange={setReason}
        hint="Recorded in the decision log with your name, for the team and the council to read."
        issue={issue}
      />
      <div className={buttonsClassName}>
        <button type="submit" name="decision" value="approve" className="button button--primary" disabled={pending !== null} aria-busy={pending === 'approve'}>
          {pending === 'approve' ? words.approving : words.approve}
        </button>
        <button type="submit" name="decision" value="reject" className="button button--secondary" disabled={pending !== null} aria-busy={pending === 'reject'}>
          {pending === 'reject' ? words.rejecting : words.reject}
        </button>
      </div>
    </form>
  );
}
