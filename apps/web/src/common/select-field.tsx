import { useId, type ReactNode } from 'react';
import { issueText } from './field-issues.ts';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  issue?: string;
  hint?: ReactNode;
}

/** A labelled select with its hint and its issue; the options fix the values it can take. */
export function SelectField<V extends string>({ label, name, value, options, onChange, disabled, issue, hint }: SelectFieldProps<V>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        // The options are exactly the values V, so what the select reports is one of them.
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
