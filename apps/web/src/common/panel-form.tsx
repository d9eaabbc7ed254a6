import { useId, type ReactNode, type Ref } from 'react';
import { FormAlert } from './form-alert.tsx';
import type { FormFrame } from './use-draft-form.ts';

interface PanelFormProps {
  form: FormFrame;
  title: string;
  /** The form's own class, beside `form panel`. */
  className?: string;
  titleClassName?: string;
  /** For forms that take focus on opening: the heading, focusable from script. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** A line under the heading on what happens next. */
  lead?: ReactNode;
  /** A way forward shown with a refusal, e.g. a button to reload. */
  alertAction?: ReactNode;
  /** The buttons' row; its class, if it has one. */
  buttonsClassName?: string;
  buttons: ReactNode;
  /** Leave checking to the form (the schema, with issues beside each field) rather than the browser. */
  noValidate?: boolean;
  children: ReactNode;
}

/** A form in a panel on the page: its heading, the API's complaint, the fields, then its buttons. */
export function PanelForm({
  form,
  title,
  className,
  titleClassName,
  headingRef,
  lead,
  alertAction,
  buttonsClassName,
  buttons,
  noValidate,
  children,
}: PanelFormProps) {
  const alertId = useId();
  return (
    <form
      className={className ? `form panel ${className}` : 'form panel'}
      {...form.formProps}
      noValidate={noValidate}
      aria-labelledby={`${alertId}-title`}
      aria-describedby={form.error ? alertId : undefined}
    >
      <h2
        ref={headingRef}
        id={`${alertId}-title`}
        className={titleClassName ? `panel__title ${titleClassName}` : 'panel__title'}
        tabIndex={headingRef ? -1 : undefined}
      >
        {title}
      </h2>
      {lead}
      <FormAlert id={alertId} error={form.error} fields={form.fields}>
        {alertAction}
      </FormAlert>
      {children}
      <div className={buttonsClassName}>{buttons}</div>
    </form>
  );
}
