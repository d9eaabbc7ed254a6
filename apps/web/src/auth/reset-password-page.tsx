import { hashKey, useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PasswordField } from '../common/password-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { queryClient, trpc } from '../trpc.ts';
import { AuthForm } from './auth-form.tsx';
import { AuthPanel } from './auth-panel.tsx';
import { PASSWORD_HINT } from './password-hint.ts';

/** Sets a new password with the one-time link from the reset email. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

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
  const form = useDraftForm({
    initial: { password: '' },
    toInput: (draft) => ({ token, password: draft.password }),
    submit: (input) => reset.mutateAsync(input),
  });

  const askAgain = (
    <p>
      <Link to="/forgot-password">Ask for a new link</Link>
    </p>
  );

  if (!token) {
    return (
      <AuthPanel title="This link is incomplete" footer={askAgain}>
        <p className="sign-in__text">
          The address has no reset code in it. Open the link from your email again, in full, or ask for a new one.
        </p>
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

  const linkFailed = form.issue('token') !== undefined;

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
      <AuthForm form={form} submitLabel="Set new password" pendingLabel="Saving…" alertAction={linkFailed ? askAgain : null}>
        <PasswordField label="New password" purpose="new" {...form.field('password')} hint={PASSWORD_HINT} />
      </AuthForm>
    </AuthPanel>
  );
}
