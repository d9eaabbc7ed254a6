import { useMutation } from '@tanstack/react-query';
import type { MemberSummary, Role } from '@throughline/domain';
import { roleLabel } from '../auth/role-label.ts';
import { useActor } from '../auth/use-actor.ts';
import { ConfirmAction } from '../common/confirm-action.tsx';
import { errorMessage } from '../common/error-message.ts';
import { formatDate } from '../common/locale-format.ts';
import { trpc } from '../trpc.ts';
import { ROLE_OPTIONS } from './role-options.ts';

interface MembersTableProps {
  members: MemberSummary[];
  /** Whether the signed-in person may change roles and remove members. */
  canManage: boolean;
}

/** The organisation's people; admins change roles and remove people in place. */
export function MembersTable({ members, canManage }: MembersTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Members of the organisation, their roles and teams</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Teams</th>
            <th scope="col">Joined</th>
            {canManage ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow key={m.userId} member={m} canManage={canManage} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRow({ member, canManage }: { member: MemberSummary; canManage: boolean }) {
  const actor = useActor();
  const isMe = actor?.userId === member.userId;
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions());
  const remove = useMutation(trpc.member.remove.mutationOptions());

  return (
    <tr>
      <th scope="row" className="member__who">
        <span className="member__name">
          {member.displayName}
          {isMe ? <span className="tag">you</span> : null}
        </span>
        <span className="member__email">{member.email}</span>
      </th>
      <td>
        {canManage ? (
          <>
            <select
              aria-label={`Role of ${member.displayName}`}
              className="inline-select"
              value={changeRole.isPending ? changeRole.variables.role : member.role}
              disabled={changeRole.isPending}
              onChange={(e) => changeRole.mutate({ userId: member.userId, role: e.target.value as Role })}
            >
              {ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {changeRole.isError ? (
              <p role="alert" className="field__issue">
                {errorMessage(changeRole.error)}
              </p>
            ) : null}
          </>
        ) : (
          roleLabel(member.role)
        )}
      </td>
      <td>{member.teams.length > 0 ? member.teams.map((t) => t.name).join(', ') : <span className="muted">No team</span>}</td>
      <td className="nowrap">{formatDate(member.joinedAt)}</td>
      {canManage ? (
        <td className="table__actions">
          <ConfirmAction
            label="Remove"
            subject={member.displayName}
            question={
              isMe
                ? 'Remove yourself? You will be signed out and lose access to this organisation, and the API tokens you created are revoked.'
                : `Remove ${member.displayName}? They are signed out at once and lose access to this organisation, and the API tokens they created are revoked.`
            }
            confirmLabel="Remove"
            pendingLabel="Removing…"
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ userId: member.userId })}
            error={remove.isError ? errorMessage(remove.error) : null}
          />
        </td>
      ) : null}
    </tr>
  );
}
