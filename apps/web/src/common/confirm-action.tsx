import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface ConfirmActionProps {
  /** The button's text, e.g. "Remove". */
  label: string;
  /** What it acts on, added for screen readers so each row's button says whose it is. */
  subject: string;
  /** The question asked before acting, with its consequence. */
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  /** Why the action failed, if it did. */
  error?: string | null;
}

/**
 * A destructive action that asks first, in place: the button becomes the question with
 * confirm and cancel. Focus starts on Cancel, the safe choice; Escape cancels too.
 */
export function ConfirmAction({ label, subject, question, confirmLabel, pendingLabel, pending, onConfirm, error }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const stopAsking = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !pending) stopAsking();
  };

  if (!asking) {
    return (
      <button ref={trigger} type="button" className="button button--danger-quiet" onClick={() => setAsking(true)}>
        {label}
        <span className="visually-hidden"> {subject}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className="confirm" onKeyDown={onKeyDown}>
      <p id={questionId} className="confirm__question">
        {question}
      </p>
      <div className="confirm__buttons">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button button--secondary" onClick={stopAsking} disabled={pending}>
          Cancel
        </button>
      </div>
      {error ? (
        <p role="alert" className="confirm__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
