import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { LoadingState } from '../common/query-state.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { AuthForm } from './auth-form.tsx';
import { AuthPanel } from './auth-panel.tsx';
import { PASSWORD_HINT } from './password-hint.ts';
import { useStartSession } from './session-start.ts';

/** A new organisation, with the person signing up as its first admin. */
export function SignUpPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const startSession = useStartSession();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess: (actor) => startSession(actor, '/') }));
  const form = useDraftForm({
    initial: { organisationName: '', displayName: '', email: '', password: '' },
    toInput: (draft) => ({ ...draft, email: draft.email.trim() }),
    submit: (input) => signUp.mutateAsync(input),
  });

  if (me.data) return <Navigate to="/" replace />;

  const alreadyRegistered = form.serverError?.data?.code === 'CONFLICT';

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
        <AuthForm
          form={form}
          submitLabel="Create organisation"
          pendingLabel="Creating your organisation…"
          alertAction={
            alreadyRegistered ? (
              <p>
                <Link to="/sign-in">Sign in</Link> or <Link to="/forgot-password">reset your password</Link>. To join a colleague’s
                organisation, ask its admin for an invitation.
              </p>
            ) : null
          }
        >
          <TextField label="Organisation name" autoComplete="organization" {...form.field('organisationName')} />
          <TextField label="Your name" autoComplete="name" {...form.field('displayName')} />
          <TextField label="Work email" type="email" autoComplete="username" {...form.field('email')} />
          <PasswordField purpose="new" {...form.field('password')} hint={PASSWORD_HINT} />
        </AuthForm>
      )}
    </AuthPanel>
  );
}
