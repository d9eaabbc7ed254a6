import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { AuthForm } from './auth-form.tsx';
import { AuthPanel } from './auth-panel.tsx';

/** Asks for a password-reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const form = useDraftForm({
    initial: { email: '' },
    toInput: (draft) => ({ email: draft.email.trim() }),
    submit: (input) => request.mutateAsync(input),
  });

  const footer = (
    <p>
      Remembered it? <Link to="/sign-in">Back to sign in</Link>
    </p>
  );

  if (request.isSuccess) {
    return (
      <AuthPanel title="Check your email" footer={footer}>
        <div className="notice" role="status">
          <p>
            If <strong>{request.variables.email}</strong> has a Throughline account, a link to choose a new password is on its way. It works
            once, within 30 minutes.
          </p>
          <p>
            Nothing arrived? Check your spam folder, then ask your Throughline admin: where Throughline sends no mail, they can find the
            link in the server’s log.
          </p>
        </div>
        <button type="button" className="button button--secondary button--block" onClick={() => request.reset()}>
          Use a different email
        </button>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel
      title="Reset your password"
      lead="Enter the email you sign in with and we will send you a link to choose a new password."
      footer={footer}
    >
      <AuthForm form={form} submitLabel="Send reset link" pendingLabel="Sending…">
        <TextField label="Email" type="email" autoComplete="username" {...form.field('email')} />
      </AuthForm>
    </AuthPanel>
  );
}
