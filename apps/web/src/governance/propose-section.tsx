import type { UseQueryResult } from '@tanstack/react-query';
import type { ChangeProposal, Policy, Team } from '@throughline/domain';
import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import type { GovernanceRights } from './governance-rights.ts';
import { ProposeChangeForm, type ProposeRequest } from './propose-change-form.tsx';

interface ProposeSectionProps {
  policies: UseQueryResult<Policy[], { message: string }>;
  teams: UseQueryResult<Team[], { message: string }>;
  rights: GovernanceRights;
  request: ProposeRequest | null;
  onSaved: (proposal: ChangeProposal, message: string) => void;
}

/** The "Propose a change" form, once policies and teams have loaded, for the teams the person may act for. */
export function ProposeSection({ policies, teams, rights, request, onSaved }: ProposeSectionProps) {
  return (
    <section id="propose" className="section">
      <QueryView query={teams} label="teams" rows={2} errorTitle="The teams could not be loaded">
        {(allTeams) => {
          // A team member proposes for their own teams; until their teams are known, offer all and let the server refuse.
          const mine = rights.council || rights.myTeamIds === null ? allTeams : allTeams.filter((t) => rights.myTeamIds?.includes(t.id));
          if (mine.length === 0) {
            return (
              <EmptyState title="You are not in a team yet" headingLevel={2}>
                <p>
                  Changes are proposed on behalf of a team. Ask an admin to add you to your team under{' '}
                  <Link to="/settings/people">People</Link>, then propose changes to the policies it works with.
                </p>
              </EmptyState>
            );
          }
          return (
            <QueryView
              query={policies}
              label="policies"
              rows={2}
              errorTitle="The policies could not be loaded"
              isEmpty={(list) => list.length === 0}
              empty={null}
            >
              {(list) => <ProposeChangeForm policies={list} teams={mine} request={request} onSaved={onSaved} />}
            </QueryView>
          );
        }}
      </QueryView>
    </section>
  );
}
