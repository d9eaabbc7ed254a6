import { useId, type FormEvent, type ReactNode } from 'react';
import type { FormError } from './field-issues.ts';
import { FormAlert } from './form-alert.tsx';
import './dialog-form.css';

interface DialogFormProps {
  /** The form's own class, beside the dialog form's. */
  className: string;
  /** The heading's id: the dialog is labelled by it. */
  titleId: string;
  title: string;
  error: FormError | null;
  /** The fields shown beside their issues, so the alert need not repeat them. */
  fields: readonly string[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** A form in a dialog: its heading, the API's complaint, the fields, then save and cancel. */
export function DialogForm({ className, titleId, title, error, fields, onSubmit, saving, submitLabel, onCancel, children }: DialogFormProps) {
  const alertId = useId();
  return (
    <form className={`form dialog-form ${className}`} onSubmit={onSubmit} aria-describedby={error ? alertId : undefined} noValidate>
      <h2 id={titleId} className="dialog-form__title">
        {title}
      </h2>
      <FormAlert id={alertId} error={error} fields={fields} />
      {children}
      <div className="dialog-form__buttons">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
