import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { LoadingState } from '../common/query-state.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { AuthPanel } from './auth-panel.tsx';
import { useStartSession } from './session-start.ts';

const FIELDS = ['email', 'password'] as const;

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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const alertId = useId();

  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: (actor) => startSession(actor, next) }));

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

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
        <form className="form" onSubmit={onSubmit} aria-describedby={signIn.isError ? alertId : undefined}>
          <FormAlert id={alertId} error={signIn.error} fields={FIELDS} />
          <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} issue={issueFor(signIn.error, 'email')} />
          <div className="field-group">
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              issue={issueFor(signIn.error, 'password')}
            />
            <Link to="/forgot-password" className="field-group__link">
              Forgot your password?
            </Link>
          </div>
          <button type="submit" className="button button--primary button--block" disabled={signIn.isPending} aria-busy={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
    </AuthPanel>
  );
}
