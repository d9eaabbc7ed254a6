import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../common/error-message.ts';
import { LoadingState } from '../common/query-state.tsx';
import { queryClient, trpc } from '../trpc.ts';
import { BrandMark } from '../app/brand-mark.tsx';

/** Where to go after signing in: the page that sent the person here, if it was one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/sign-in' ? from : '/';
}

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const next = returnPath(location.state);
  const me = useQuery(trpc.auth.me.queryOptions());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailId = useId();
  const passwordId = useId();
  const alertId = useId();

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (actor) => {
        // Whatever the cache held belonged to the previous session.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), actor);
        await navigate(next, { replace: true });
      },
    }),
  );

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  const issues = signIn.error?.data?.issues ?? [];
  const fieldIssue = (field: string) => issues.find((i) => i.path === field)?.message;
  const emailIssue = fieldIssue('email');
  const passwordIssue = fieldIssue('password');

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <title>Sign in · Throughline</title>
      <div className="sign-in__panel">
        <div className="sign-in__brand">
          <BrandMark />
          <span>Throughline</span>
        </div>
        <h1 className="sign-in__title">Sign in</h1>
        <p className="sign-in__lead">Your customer-experience operating model: journeys, owners, KPIs and the value they carry.</p>
        {me.isPending ? (
          <LoadingState label="your session" rows={2} />
        ) : (
          <form className="form" onSubmit={onSubmit} aria-describedby={signIn.isError ? alertId : undefined}>
            <div id={alertId} role="alert" className={signIn.isError ? 'form__alert' : 'form__alert form__alert--empty'}>
              {signIn.isError ? errorMessage(signIn.error) : null}
            </div>
            <div className="field">
              <label htmlFor={emailId}>Email</label>
              <input
                id={emailId}
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={emailIssue ? true : undefined}
                aria-describedby={emailIssue ? `${emailId}-issue` : undefined}
              />
              {emailIssue ? <p id={`${emailId}-issue`} className="field__issue">Email {emailIssue}</p> : null}
            </div>
            <div className="field">
              <label htmlFor={passwordId}>Password</label>
              <input
                id={passwordId}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={passwordIssue ? true : undefined}
                aria-describedby={passwordIssue ? `${passwordId}-issue` : undefined}
              />
              {passwordIssue ? <p id={`${passwordId}-issue`} className="field__issue">Password {passwordIssue}</p> : null}
            </div>
            <button type="submit" className="button button--primary button--block" disabled={signIn.isPending} aria-busy={signIn.isPending}>
              {signIn.isPending ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
