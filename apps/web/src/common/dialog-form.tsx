import { useId, type ReactNode } from 'react';
import { FormAlert } from './form-alert.tsx';
import { SubmitButton } from './submit-button.tsx';
import type { FormFrame } from './use-draft-form.ts';
import './dialog-form.css';

interface DialogFormProps {
  form: FormFrame;
  /** The form's own class, beside the dialog form's. */
  className: string;
  /** The heading's id: the dialog is labelled by it. */
  titleId: string;
  title: ReactNode;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** A form in a dialog: its heading, the API's complaint, the fields, then save and cancel. */
export function DialogForm({ form, className, titleId, title, submitLabel, onCancel, children }: DialogFormProps) {
  const alertId = useId();
  return (
    <form className={`form dialog-form ${className}`} {...form.formProps} aria-describedby={form.error ? alertId : undefined} noValidate>
      <h2 id={titleId} className="dialog-form__title">
        {title}
      </h2>
      <FormAlert id={alertId} error={form.error} fields={form.fields} />
      {children}
      <div className="dialog-form__buttons">
        <SubmitButton label={submitLabel} pending={form.submitting} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
