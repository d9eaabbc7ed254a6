import type { ReactNode } from 'react';
import { FieldFrame } from './field-frame.tsx';

interface DateFieldProps {
  label: string;
  name: string;
  /** yyyy-mm-dd, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  issue?: string | undefined;
  hint?: ReactNode;
}

/** A labelled date that may be left blank; the browser's own picker, typed or chosen. */
export function DateField({ label, name, value, onChange, issue, hint }: DateFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => <input {...control} name={name} type="date" value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldFrame>
  );
}
