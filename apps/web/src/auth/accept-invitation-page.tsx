import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { AuthPanel } from './auth-panel.tsx';
import { useStartSession } from './session-start.ts';

const FIELDS = ['displayName', 'password'] as const;

/** Joins the organisation that sent the invitation: a new account, or an existing one's password. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useQuery(trpc.auth.me.queryOptions());
  const startSession = useStartSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const alertId = useId();

  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions({ onSuccess: (actor) => startSession(actor, '/') }));

  if (!token) {
    return (
      <AuthPanel title="This invitation link is incomplete">
        <p className="sign-in__text">
          The address has no invitation code in it. Open the link from your invitation again, in full, or ask the person who invited you to send
          a new one.
        </p>
      </AuthPanel>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    accept.mutate({ token, displayName, password });
  };
  const linkFailed = issueFor(accept.error, 'token') !== undefined;

  return (
    <AuthPanel
      title="Join your organisation"
      lead="You have been invited to Throughline. Tell us your name and choose a password to accept."
      footer={
        <p>
          Already joined? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      {me.data ? (
        <p className="notice">
          You are signed in as <strong>{me.data.displayName}</strong>. Accepting signs you in as the person invited instead.
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} aria-describedby={accept.isError ? alertId : undefined}>
        <FormAlert id={alertId} error={accept.error} fields={FIELDS}>
          {linkFailed ? <p>Ask the person who invited you for a new invitation.</p> : null}
        </FormAlert>
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          hint="As your colleagues will see it."
          issue={issueFor(accept.error, 'displayName')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          hint={
            <>
              New to Throughline? Choose one of at least 12 characters. <strong>Already have an account with this email?</strong> Enter its
              password instead; your name stays as it is.
            </>
          }
          issue={issueFor(accept.error, 'password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending} aria-busy={accept.isPending}>
          {accept.isPending ? 'Joining…' : 'Accept and sign in'}
        </button>
      </form>
    </AuthPanel>
  );
}
