import { useId, type ReactNode } from 'react';
import { issueText } from './field-issues.ts';

/** What a field's control needs to be tied to its label, hint and issue. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  /** A short line on what to enter, read with the field. */
  hint?: ReactNode;
  /** What the API said is wrong with this field, as a phrase or a sentence. */
  issue?: string | undefined;
  /** The control itself (input, select, textarea…), given the props that tie it to the rest. */
  children: (control: ControlProps) => ReactNode;
}

/** A field that edits one text value: the props the date, number and cost fields share. */
export interface TextValueFieldProps {
  label: string;
  name: string;
  /** The value as typed; '' for none. */
  value: string;
  onChange: (value: string) => void;
  issue?: string | undefined;
  hint?: ReactNode;
}

/** Every form field's frame: label, control, hint and issue, tied together for screen readers. */
export function FieldFrame({ label, hint, issue, children }: FieldFrameProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-issue` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': issue ? true : undefined, 'aria-describedby': describedBy || undefined })}
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
