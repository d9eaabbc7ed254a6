import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from 'react-router';
import { LoadingState } from '../common/query-state.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { AuthForm } from './auth-form.tsx';
import { AuthPanel } from './auth-panel.tsx';
import { useStartSession } from './session-start.ts';

/** Where to go after signing in: the page that sent the person here, if it was one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/sign-in' ? from : '/';
}

export function SignInPage() {
  const location = useLocation();
  const next = returnPath(location.state);
  const me = useQuery(trpc.auth.me.queryOptions());
  const startSession = useStartSession();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: (actor) => startSession(actor, next) }));
  const form = useDraftForm({
    initial: { email: '', password: '' },
    toInput: (draft) => ({ email: draft.email.trim(), password: draft.password }),
    submit: (input) => signIn.mutateAsync(input),
  });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <AuthPanel
      title="Sign in"
      lead="Your customer-experience operating model: journeys, owners, KPIs and the value they carry."
      footer={
        <p>
          New to Throughline? <Link to="/sign-up">Create an organisation</Link>
        </p>
      }
    >
      {me.isPending ? (
        <LoadingState label="your session" rows={2} />
      ) : (
        <AuthForm form={form} submitLabel="Sign in" pendingLabel="Signing in…">
          <TextField label="Email" type="email" autoComplete="username" {...form.field('email')} />
          <div className="field-group">
            <PasswordField purpose="current" {...form.field('password')} />
            <Link to="/forgot-password" className="field-group__link">
              Forgot your password?
            </Link>
          </div>
        </AuthForm>
      )}
    </AuthPanel>
  );
}
