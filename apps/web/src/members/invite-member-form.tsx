import { useMutation, useQuery } from '@tanstack/react-query';
import { ZInviteInput, type Role } from '@throughline/domain';
import { useState } from 'react';
import { roleDescription } from '../auth/role-label.ts';
import { OneTimeValue } from '../common/one-time-value.tsx';
import { PanelForm } from '../common/panel-form.tsx';
import { SelectField } from '../common/select-field.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { ROLE_OPTIONS } from './role-options.ts';

const NO_TEAM = '';

interface Draft {
  email: string;
  role: Role;
  teamId: string;
}

/** Invites a colleague by email, with a role and optionally a team; the link is shown once. */
export function InviteMemberForm() {
  const teams = useQuery(trpc.team.list.queryOptions());
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null);
  const invite = useMutation(
    trpc.member.invite.mutationOptions({
      onSuccess: ({ link }, input) => {
        setSent({ email: input.email, link });
      },
    }),
  );
  const form = useDraftForm({
    initial: (): Draft => ({ email: '', role: 'team_member', teamId: NO_TEAM }),
    toInput: (draft) => ({ email: draft.email.trim(), role: draft.role, teamId: draft.teamId === NO_TEAM ? null : draft.teamId }),
    schema: ZInviteInput,
    submit: async (input): Promise<void> => {
      await invite.mutateAsync(input);
      form.reset({ ...form.draft, email: '' });
    },
  });

  if (sent) {
    return (
      <OneTimeValue title={`Invitation for ${sent.email}`} label="Invitation link" value={sent.link} onDone={() => setSent(null)}>
        <p>
          The link has been sent to {sent.email}. Copy it now if you would rather pass it on yourself: it is shown only once and works for 7
          days.
        </p>
      </OneTimeValue>
    );
  }

  const teamOptions = [{ value: NO_TEAM, label: 'No team' }, ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))];

  return (
    <PanelForm
      form={form}
      title="Invite a colleague"
      buttons={<SubmitButton label="Send invitation" pendingLabel="Sending…" pending={form.submitting} />}
    >
      <div className="form__row">
        <TextField label="Email" type="email" autoComplete="off" {...form.field('email')} />
        <SelectField label="Role" options={ROLE_OPTIONS} {...form.field('role')} hint={roleDescription(form.draft.role)} />
        <SelectField
          label="Team"
          options={teamOptions}
          {...form.field('teamId')}
          disabled={!teams.data}
          hint="A team member edits what lies in their team’s remit."
        />
      </div>
    </PanelForm>
  );
}
