import type { ReactNode } from 'react';
import { errorMessage } from './error-message.ts';
import { formAlertText, type FormError } from './field-issues.ts';

interface FormAlertProps {
  id: string;
  error: FormError | null;
  /** The fields that show their own issues, so the summary can point to them. */
  fields: readonly string[];
  /** A way forward that fits this form, e.g. a link to ask for a new invitation. */
  children?: ReactNode;
}

/**
 * A form's failure, announced when it appears. The element stays in the page while empty so
 * assistive technology is already watching it when the message arrives.
 */
export function FormAlert({ id, error, fields, children }: FormAlertProps) {
  return (
    <div id={id} role="alert" className={error ? 'form__alert' : 'form__alert form__alert--empty'}>
      {error ? (
        <>
          <p>{errorMessage({ message: formAlertText(error, fields) })}</p>
          {children}
        </>
      ) : null}
    </div>
  );
}
