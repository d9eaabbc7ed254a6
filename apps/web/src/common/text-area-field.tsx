import type { ReactNode, Ref } from 'react';
import { FieldFrame } from './field-frame.tsx';

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  issue?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field, shaped like TextField, for wording, reasons and notes. */
export function TextAreaField({ label, name, value, onChange, rows = 3, required = true, issue, hint, ref }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <textarea
          {...control}
          ref={ref}
          name={name}
          rows={rows}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
