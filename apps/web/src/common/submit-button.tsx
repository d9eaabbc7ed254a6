interface SubmitButtonProps {
  label: string;
  /** What it says while the form is being sent: "Saving…", "Signing in…". */
  pendingLabel?: string;
  pending: boolean;
  /** Disabled for more than its own sending, e.g. while nothing has changed. */
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
  /** Full width, as on the sign-in pages. */
  block?: boolean;
  /** With more than one submit button, what this one asks for (the form reads it as the intent). */
  value?: string;
}

/** Every form's submit button: disabled and busy while the form is sent, saying so. */
export function SubmitButton({
  label,
  pendingLabel = 'Saving…',
  pending,
  disabled = false,
  variant = 'primary',
  block = false,
  value,
}: SubmitButtonProps) {
  return (
    <button
      type="submit"
      value={value}
      className={`button button--${variant}${block ? ' button--block' : ''}`}
      disabled={pending || disabled}
      aria-busy={pending}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
