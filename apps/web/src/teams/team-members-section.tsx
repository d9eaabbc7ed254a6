import { useQuery } from '@tanstack/react-query';
import { roleLabel } from '../auth/role-label.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

/** Who is in the team, with their role in the organisation. */
export function TeamMembersSection({ teamId }: { teamId: string }) {
  const members = useQuery({
    ...trpc.member.list.queryOptions(),
    select: (list) => list.filter((m) => m.teams.some((t) => t.id === teamId)),
  });
  return (
    <section aria-labelledby="team-members-heading" className="section">
      <div className="section__header">
        <h2 id="team-members-heading" className="section__title">
          Members
        </h2>
      </div>
      <QueryView
        query={members}
        label="the team’s members"
        rows={2}
        errorTitle="The members could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="Nobody in this team yet" headingLevel={3}>
            <p>
              A team member edits what lies in the team’s remit. An admin adds people to the team when inviting them from the People page.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <ul className="team-members">
            {list.map((m) => (
              <li key={m.userId} className="team-member">
                <span className="team-member__name">{m.displayName}</span>
                <span className="team-member__role">{roleLabel(m.role)}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
