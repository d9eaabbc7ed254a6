import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { AuthPanel } from './auth-panel.tsx';

const FIELDS = ['email'] as const;

/** Asks for a password-reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const alertId = useId();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

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
            If <strong>{request.variables.email}</strong> has a Throughline account, a link to choose a new password is on its way. It works once,
            within 30 minutes.
          </p>
          <p>
            Nothing arrived? Check your spam folder, then ask your Throughline admin: where Throughline sends no mail, they can find the link in the
            server’s log.
          </p>
        </div>
        <button type="button" className="button button--secondary button--block" onClick={() => request.reset()}>
          Use a different email
        </button>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title="Reset your password" lead="Enter the email you sign in with and we will send you a link to choose a new password." footer={footer}>
      <form className="form" onSubmit={onSubmit} aria-describedby={request.isError ? alertId : undefined}>
        <FormAlert id={alertId} error={request.error} fields={FIELDS} />
        <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} issue={issueFor(request.error, 'email')} />
        <button type="submit" className="button button--primary button--block" disabled={request.isPending} aria-busy={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AuthPanel>
  );
}
