import { useId, type ReactNode } from 'react';
import { issueText } from '../common/field-issues.ts';

/** A blank field is "none" (null); anything that is not a finite number is undefined. */
export function parseOptionalNumber(value: string): number | null | undefined {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

interface NumberFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  issue?: string | undefined;
  hint?: ReactNode;
}

/** A labelled decimal input that may be left blank; text, so "1,500" and "-2.5" type freely. */
export function NumberField({ label, name, value, onChange, issue, hint }: NumberFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
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
