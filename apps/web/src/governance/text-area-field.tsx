import { useId, type ReactNode, type Ref } from 'react';
import { issueText } from '../common/field-issues.ts';

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  issue?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field, shaped like common/TextField, for wording and reasons. */
export function TextAreaField({ label, name, value, onChange, rows = 3, required = true, issue, hint, ref }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        required={required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="field__textarea"
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p id={`${id}-issue`} className="field__issue">
          {issueText(label, issue)}
        </p>
      ) : null}
    </div>
  );
}
