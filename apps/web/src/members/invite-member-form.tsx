import { useMutation, useQuery } from '@tanstack/react-query';
import type { Role } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { roleDescription } from '../auth/role-label.ts';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { OneTimeValue } from '../common/one-time-value.tsx';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { ROLE_OPTIONS } from './role-options.ts';

const FIELDS = ['email', 'role', 'teamId'] as const;
const NO_TEAM = '';

/** Invites a colleague by email, with a role and optionally a team; the link is shown once. */
export function InviteMemberForm() {
  const teams = useQuery(trpc.team.list.queryOptions());
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('team_member');
  const [teamId, setTeamId] = useState<string>(NO_TEAM);
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null);
  const alertId = useId();

  const invite = useMutation(
    trpc.member.invite.mutationOptions({
      onSuccess: ({ link }, input) => {
        setSent({ email: input.email, link });
        setEmail('');
      },
    }),
  );

  if (sent) {
    return (
      <OneTimeValue title={`Invitation for ${sent.email}`} label="Invitation link" value={sent.link} onDone={() => setSent(null)}>
        <p>
          The link has been sent to {sent.email}. Copy it now if you would rather pass it on yourself: it is shown only once and works for 7 days.
        </p>
      </OneTimeValue>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role, teamId: teamId === NO_TEAM ? null : teamId });
  };

  const teamOptions = [{ value: NO_TEAM, label: 'No team' }, ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))];

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby={`${alertId}-title`} aria-describedby={invite.isError ? alertId : undefined}>
      <h2 id={`${alertId}-title`} className="panel__title">
        Invite a colleague
      </h2>
      <FormAlert id={alertId} error={invite.error} fields={FIELDS} />
      <div className="form__row">
        <TextField label="Email" name="email" type="email" autoComplete="off" value={email} onChange={setEmail} issue={issueFor(invite.error, 'email')} />
        <SelectField label="Role" name="role" value={role} options={ROLE_OPTIONS} onChange={setRole} hint={roleDescription(role)} issue={issueFor(invite.error, 'role')} />
        <SelectField
          label="Team"
          name="teamId"
          value={teamId}
          options={teamOptions}
          onChange={setTeamId}
          disabled={!teams.data}
          hint="A team member edits what lies in their team’s remit."
          issue={issueFor(invite.error, 'teamId')}
        />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={invite.isPending} aria-busy={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}
