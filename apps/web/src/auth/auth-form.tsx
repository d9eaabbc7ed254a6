import { useId, type ReactNode } from 'react';
import { FormAlert } from '../common/form-alert.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import type { FormFrame } from '../common/use-draft-form.ts';

interface AuthFormProps {
  form: FormFrame;
  submitLabel: string;
  pendingLabel: string;
  /** A way forward shown with a refusal: sign in instead, ask for a new link. */
  alertAction?: ReactNode;
  children: ReactNode;
}

/** The form of the pages outside the app: the refusal, the fields, one full-width button. */
export function AuthForm({ form, submitLabel, pendingLabel, alertAction, children }: AuthFormProps) {
  const alertId = useId();
  return (
    <form className="form" {...form.formProps} aria-describedby={form.error ? alertId : undefined}>
      <FormAlert id={alertId} error={form.error} fields={form.fields}>
        {alertAction}
      </FormAlert>
      {children}
      <SubmitButton label={submitLabel} pendingLabel={pendingLabel} pending={form.submitting} block />
    </form>
  );
}
