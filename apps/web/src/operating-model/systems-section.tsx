import { useMutation, useQuery } from '@tanstack/react-query';
import type { SystemWithOwner, Team } from '@throughline/domain';
import { Link } from 'react-router';
import { useCan } from '../auth/use-actor.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { errorMessage } from '../common/error-message.ts';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { WarningIcon } from '../common/warning-icon.tsx';
import { trpc } from '../trpc.ts';
import { useHashTarget } from '../common/use-hash-target.ts';

const NO_OWNER = '';

/** The operational systems and the team that owns each; `#system-<id>` lands on a row. */
export function SystemsSection({ teams }: { teams: Team[] }) {
  const systems = useQuery(trpc.system.list.queryOptions());
  const canEdit = useCan('system.edit');
  const target = useHashTarget(systems.isSuccess);
  const unowned = systems.data?.filter((s) => !s.ownerTeamId).length ?? 0;

  return (
    <section aria-labelledby="systems-heading" className="section">
      <div className="section__header">
        <h2 id="systems-heading" className="section__title">
          Systems
        </h2>
        {systems.data && systems.data.length > 0 ? (
          <p className="section__meta">
            {plural(systems.data.length, 'system')}
            {unowned > 0 ? ` · ${plural(unowned, 'system')} without an owning team` : ' · every system has an owner'}
          </p>
        ) : null}
      </div>
      <QueryView
        query={systems}
        label="systems"
        rows={4}
        errorTitle="The systems could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No systems yet" headingLevel={3}>
            <p>
              List the operational systems your journeys run on (CRM, claims core, telephony…) and give each an owning team. Steps that rely
              on a system owned outside the journey’s remit are then flagged as cross-boundary dependencies.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="table-wrap">
            <table className="table systems-table">
              <caption className="visually-hidden">Systems and the team that owns each</caption>
              <thead>
                <tr>
                  <th scope="col">System</th>
                  <th scope="col">What it does</th>
                  <th scope="col">Owning team</th>
                </tr>
              </thead>
              <tbody>
                {list.map((system) => (
                  <tr
                    key={system.id}
                    id={`system-${system.id}`}
                    tabIndex={-1}
                    className={target === `system-${system.id}` ? 'is-target' : undefined}
                  >
                    <th scope="row" className="systems-table__name">
                      {system.name}
                    </th>
                    <td className="systems-table__description">{system.description || <span className="muted">No description</span>}</td>
                    <td className="systems-table__owner">
                      <SystemOwner system={system} teams={teams} canEdit={canEdit} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}

function SystemOwner({ system, teams, canEdit }: { system: SystemWithOwner; teams: Team[]; canEdit: boolean }) {
  const update = useMutation(trpc.system.update.mutationOptions());
  const flag = system.ownerTeamId ? null : (
    <span className="flag flag--warning">
      <WarningIcon />
      <span>No owning team</span>
    </span>
  );
  if (!canEdit) {
    return system.ownerTeamId ? <Link to={`/teams/${system.ownerTeamId}`}>{system.ownerTeamName}</Link> : flag;
  }
  const value = update.isPending ? (update.variables.ownerTeamId ?? NO_OWNER) : (system.ownerTeamId ?? NO_OWNER);
  return (
    <div className="systems-table__owner-edit">
      <select
        aria-label={`Owning team of ${system.name}`}
        className="inline-select"
        value={value}
        disabled={update.isPending}
        onChange={(e) =>
          update.mutate({
            id: system.id,
            version: system.version,
            name: system.name,
            description: system.description,
            ownerTeamId: e.target.value || null,
          })
        }
      >
        <option value={NO_OWNER}>No owning team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {flag}
      {update.isError ? (
        <p role="alert" className="field__issue">
          {errorMessage(update.error)}
        </p>
      ) : null}
    </div>
  );
}
