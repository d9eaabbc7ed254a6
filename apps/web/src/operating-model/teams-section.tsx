import { useQuery } from '@tanstack/react-query';
import { missingCapabilities, type Team } from '@throughline/domain';
import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { formatCount, formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { CapabilityCoverage } from './capability-coverage.tsx';

/** Every team: purpose, people, capability coverage and the money it controls. */
export function TeamsSection() {
  const teams = useQuery(trpc.team.list.queryOptions());
  const gaps = teams.data?.filter((t) => missingCapabilities(t.capabilities).length > 0).length ?? 0;

  return (
    <section aria-labelledby="teams-heading" className="section">
      <div className="section__header">
        <h2 id="teams-heading" className="section__title">
          Teams
        </h2>
        {teams.data && teams.data.length > 0 ? (
          <p className="section__meta">
            {plural(teams.data.length, 'team')}
            {gaps > 0 ? ` · ${plural(gaps, 'team')} missing a capability` : ' · all fully covered'}
          </p>
        ) : null}
      </div>
      <QueryView
        query={teams}
        label="teams"
        rows={5}
        errorTitle="The teams could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No teams yet" headingLevel={3}>
            <p>
              Start here. Journeys are owned by teams, so set up the teams first: each with a purpose, its members, the design, engineering,
              data, operations and compliance capability it has, and how much it may spend without going to the CX council.
            </p>
            <p>An admin can load teams through the Throughline API; editing them on this page is on the way.</p>
          </EmptyState>
        }
      >
        {(list) => <TeamsTable teams={list} />}
      </QueryView>
    </section>
  );
}

function TeamsTable({ teams }: { teams: Team[] }) {
  return (
    <div className="table-wrap">
      <table className="table teams-table">
        <caption className="visually-hidden">Teams, their capabilities and budgets</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" className="num">
              Members
            </th>
            <th scope="col">Capabilities</th>
            <th scope="col" className="num">
              Annual budget
            </th>
            <th scope="col" className="num">
              Spending authority
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id}>
              <th scope="row" className="teams-table__team">
                <Link to={`/teams/${team.id}`} className="teams-table__name">
                  {team.name}
                </Link>
                {team.purpose ? <span className="teams-table__purpose">{team.purpose}</span> : null}
              </th>
              <td className="num">{formatCount(team.memberCount)}</td>
              <td className="teams-table__capabilities">
                <CapabilityCoverage capabilities={team.capabilities} />
              </td>
              <td className="num">{formatGbp(team.annualBudget)}</td>
              <td className="num">{formatGbp(team.spendingAuthority)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
