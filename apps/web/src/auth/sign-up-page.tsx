import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { LoadingState } from '../common/query-state.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { AuthPanel } from './auth-panel.tsx';
import { PASSWORD_HINT } from './password-hint.ts';
import { useStartSession } from './session-start.ts';

const FIELDS = ['organisationName', 'displayName', 'email', 'password'] as const;

/** A new organisation, with the person signing up as its first admin. */
export function SignUpPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const startSession = useStartSession();
  const [organisationName, setOrganisationName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const alertId = useId();

  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess: (actor) => startSession(actor, '/') }));

  if (me.data) return <Navigate to="/" replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signUp.mutate({ organisationName, displayName, email: email.trim(), password });
  };
  const alreadyRegistered = signUp.error?.data?.code === 'CONFLICT';

  return (
    <AuthPanel
      title="Create an organisation"
      lead="Set up Throughline for your organisation. You will be its first admin and can invite your colleagues next."
      footer={
        <p>
          Already use Throughline? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      {me.isPending ? (
        <LoadingState label="your session" rows={3} />
      ) : (
        <form className="form" onSubmit={onSubmit} aria-describedby={signUp.isError ? alertId : undefined}>
          <FormAlert id={alertId} error={signUp.error} fields={FIELDS}>
            {alreadyRegistered ? (
              <p>
                <Link to="/sign-in">Sign in</Link> or <Link to="/forgot-password">reset your password</Link>. To join a colleague’s organisation, ask
                its admin for an invitation.
              </p>
            ) : null}
          </FormAlert>
          <TextField
            label="Organisation name"
            name="organisationName"
            autoComplete="organization"
            value={organisationName}
            onChange={setOrganisationName}
            issue={issueFor(signUp.error, 'organisationName')}
          />
          <TextField
            label="Your name"
            name="displayName"
            autoComplete="name"
            value={displayName}
            onChange={setDisplayName}
            issue={issueFor(signUp.error, 'displayName')}
          />
          <TextField
            label="Work email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            issue={issueFor(signUp.error, 'email')}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            hint={PASSWORD_HINT}
            issue={issueFor(signUp.error, 'password')}
          />
          <button type="submit" className="button button--primary button--block" disabled={signUp.isPending} aria-busy={signUp.isPending}>
            {signUp.isPending ? 'Creating your organisation…' : 'Create organisation'}
          </button>
        </form>
      )}
    </AuthPanel>
  );
}
