import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CopyButton } from './copy-button.tsx';

interface OneTimeValueProps {
  title: string;
  /** The label of the value's field, e.g. "Invitation link". */
  label: string;
  value: string;
  /** Why it is shown only now, and what to do with it. */
  children: ReactNode;
  onDone: () => void;
}

/**
 * A secret or link the server returns once and never again: shown with a copy button until
 * the person says they are done. Focus moves here so the value is not missed.
 */
export function OneTimeValue({ title, label, value, children, onDone }: OneTimeValueProps) {
  const panel = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const fieldId = useId();

  useEffect(() => {
    panel.current?.focus();
  }, []);

  return (
    <section ref={panel} tabIndex={-1} className="one-time" aria-labelledby={headingId}>
      <h3 id={headingId} className="one-time__title">
        {title}
      </h3>
      <div className="one-time__note">{children}</div>
      <label htmlFor={fieldId} className="one-time__label">
        {label}
      </label>
      <div className="one-time__value">
        <input ref={field} id={fieldId} readOnly value={value} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={value} what={label.toLowerCase()} field={field} />
      </div>
      <button type="button" className="button button--secondary one-time__done" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
