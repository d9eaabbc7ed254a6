import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PasswordField } from '../common/password-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { AuthForm } from './auth-form.tsx';
import { AuthPanel } from './auth-panel.tsx';
import { useStartSession } from './session-start.ts';

/** Joins the organisation that sent the invitation: a new account, or an existing one's password. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useQuery(trpc.auth.me.queryOptions());
  const startSession = useStartSession();
  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions({ onSuccess: (actor) => startSession(actor, '/') }));
  const form = useDraftForm({
    initial: { displayName: '', password: '' },
    toInput: (draft) => ({ token, ...draft }),
    submit: (input) => accept.mutateAsync(input),
  });

  if (!token) {
    return (
      <AuthPanel title="This invitation link is incomplete">
        <p className="sign-in__text">
          The address has no invitation code in it. Open the link from your invitation again, in full, or ask the person who invited you to
          send a new one.
        </p>
      </AuthPanel>
    );
  }

  const linkFailed = form.issue('token') !== undefined;

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
      <AuthForm
        form={form}
        submitLabel="Accept and sign in"
        pendingLabel="Joining…"
        alertAction={linkFailed ? <p>Ask the person who invited you for a new invitation.</p> : null}
      >
        <TextField label="Your name" autoComplete="name" {...form.field('displayName')} hint="As your colleagues will see it." />
        <PasswordField
          purpose="new"
          {...form.field('password')}
          hint={
            <>
              New to Throughline? Choose one of at least 12 characters. <strong>Already have an account with this email?</strong> Enter its
              password instead; your name stays as it is.
            </>
          }
        />
      </AuthForm>
    </AuthPanel>
  );
}
