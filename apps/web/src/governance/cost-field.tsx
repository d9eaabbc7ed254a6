import { useId, type ReactNode } from 'react';
import { issueText } from '../common/field-issues.ts';

interface CostFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  issue?: string;
  hint?: ReactNode;
}

/**
 * An amount in pounds, typed as text so "5,000,000" is accepted as people write it; a number
 * input would refuse the commas and change the value on a stray scroll.
 */
export function CostField({ label, name, value, onChange, issue, hint }: CostFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="money-input">
        <span className="money-input__unit" aria-hidden="true">
          £
        </span>
        <input
          id={id}
          name={name}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={issue ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
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
