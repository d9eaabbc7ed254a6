import { useId, type ReactNode } from 'react';
import { issueText } from './field-issues.ts';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  required?: boolean;
  /** What the API said is wrong with this field, as a phrase or a sentence. */
  issue?: string;
  /** A short line on what to enter, read with the field. */
  hint?: ReactNode;
}

/** A labelled input with its hint and its issue, both tied to it for screen readers. */
export function TextField({ label, name, value, onChange, type = 'text', autoComplete, required = true, issue, hint }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy || undefined}
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
