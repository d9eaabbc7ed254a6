import { FieldFrame, type TextValueFieldProps } from './field-frame.tsx';

/** A labelled date that may be left blank; the browser's own picker, typed or chosen. */
export function DateField({ label, name, value, onChange, issue, hint, required = false }: TextValueFieldProps & { required?: boolean }) {
  return (
    <FieldFrame label={label} hint={hint} issue={issue}>
      {(control) => (
        <input {...control} name={name} type="date" required={required} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}
