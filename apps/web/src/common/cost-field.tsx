import type { ReactNode } from 'react';
import { FieldFrame } from './field-frame.tsx';

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
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <div className="money-input">
          <span className="money-input__unit" aria-hidden="true">
            £
          </span>
          <input {...control} name={name} type="text" inputMode="decimal" autoComplete="off" required value={value} onChange={(e) => onChange(e.target.value)} />
        </div>
      )}
    </FieldFrame>
  );
}
