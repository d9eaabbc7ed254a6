import { FieldFrame, type TextValueFieldProps } from './field-frame.tsx';

/** A blank field is "none" (null); anything that is not a finite number is undefined. */
export function parseOptionalNumber(value: string): number | null | undefined {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** A labelled decimal input that may be left blank; text, so "1,500" and "-2.5" type freely. */
export function NumberField({ label, name, value, onChange, issue, hint }: TextValueFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
