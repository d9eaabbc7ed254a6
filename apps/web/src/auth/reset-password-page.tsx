import { hashKey, useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { TextField } from '../common/text-field.tsx';
import { queryClient, trpc } from '../trpc.ts';
import { AuthPanel } from './auth-panel.tsx';
import { PASSWORD_HINT } from './password-hint.ts';

const FIELDS = ['password'] as const;

/** Sets a new password with the one-time link from the reset email. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const alertId = useId();

  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: () => {
        // Every session of this person has just ended, this browser's included.
        const meKey = trpc.auth.me.queryKey();
        queryClient.setQueryData(meKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(meKey) });
      },
    }),
  );

  const askAgain = (
    <p>
      <Link to="/forgot-password">Ask for a new link</Link>
    </p>
  );

  if (!token) {
    return (
      <AuthPanel title="This link is incomplete" footer={askAgain}>
        <p className="sign-in__text">The address has no reset code in it. Open the link from your email again, in full, or ask for a new one.</p>
      </AuthPanel>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthPanel title="Password changed">
        <p className="notice" role="status">
          Your new password is set. You have been signed out everywhere, so sign in again with it.
        </p>
        <Link to="/sign-in" className="button button--primary button--block">
          Sign in
        </Link>
      </AuthPanel>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate({ token, password });
  };
  const linkFailed = issueFor(reset.error, 'token') !== undefined;

  return (
    <AuthPanel
      title="Choose a new password"
      lead="Setting a new password signs you out on every device."
      footer={
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <form className="form" onSubmit={onSubmit} aria-describedby={reset.isError ? alertId : undefined}>
        <FormAlert id={alertId} error={reset.error} fields={FIELDS}>
          {linkFailed ? askAgain : null}
        </FormAlert>
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          hint={PASSWORD_HINT}
          issue={issueFor(reset.error, 'password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending} aria-busy={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthPanel>
  );
}
