import type { ReactNode } from 'react';
import { FieldFrame } from './field-frame.tsx';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  required?: boolean;
  /** What the API said is wrong with this field, as a phrase or a sentence. */
  issue?: string | undefined;
  /** A short line on what to enter, read with the field. */
  hint?: ReactNode;
}

/** A labelled input with its hint and its issue, both tied to it for screen readers. */
export function TextField({ label, name, value, onChange, type = 'text', autoComplete, required = true, issue, hint }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
