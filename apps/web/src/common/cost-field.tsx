import { FieldFrame, type TextValueFieldProps } from './field-frame.tsx';

/**
 * An amount in pounds, typed as text so "5,000,000" is accepted as people write it; a number
 * input would refuse the commas and change the value on a stray scroll.
 */
export function CostField({ label, name, value, onChange, issue, hint }: TextValueFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <div className="money-input">
          <span className="money-input__unit" aria-hidden="true">
            £
          </span>
          <input
            {...control}
            name={name}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      )}
    </FieldFrame>
  );
}
