import { useQuery } from '@tanstack/react-query';
import type { Initiative } from '@throughline/domain';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { BacklogBoard } from './backlog-board.tsx';
import { BacklogFilters } from './backlog-filters.tsx';
import { BacklogTable } from './backlog-table.tsx';
import { DEFAULT_VIEW, matchesView, readView, sortInitiatives, toggleSort, writeView, type BacklogView } from './backlog-view.ts';
import { NewInitiativeForm } from './new-initiative-form.tsx';
import { PriorityExplainer } from './priority-explainer.tsx';
import { useInitiativeRights } from './use-initiative-rights.ts';
import './backlog.css';

/** What the initiative page says when it opens on an initiative just created. */
export interface CreatedState {
  created: string;
}

/** The value backlog: every initiative by lifecycle stage, or as a table sorted by its figures. */
export function BacklogPage() {
  // The initiatives, the journeys and teams to filter and propose by, and the caller's teams, in one call.
  const backlog = useQuery(trpc.initiative.backlog.queryOptions({}));
  const rights = useInitiativeRights({ teamIds: backlog.data?.myTeamIds });
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Local state drives the view: the router applies a search change in a transition, so two quick
  // changes would otherwise build on a stale address. The address is kept in step for sharing.
  const [view, setViewState] = useState<BacklogView>(() => readView(params));
  const [adding, setAdding] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  const setView = (patch: Partial<BacklogView>) => {
    const next = { ...view, ...patch };
    setViewState(next);
    setParams(writeView(next), { replace: true });
  };

  const ownTeams = rights.ownTeams(backlog.data?.teams ?? []);
  const canAdd = rights.canEdit && (!rights.teamsKnown || ownTeams.length > 0);
  const all = backlog.data?.initiatives ?? [];
  const shown = sortInitiatives(
    all.filter((i) => matchesView(i, view)),
    view.layout === 'board' ? 'priority' : view.sort,
    view.layout === 'board' ? 'desc' : view.direction,
  );
  const annualValue = all.reduce((sum, i) => sum + (i.figures.annualValue ?? 0), 0);
  const filtered = view.journey !== '' || view.team !== '' || view.stage !== '';

  const onCreated = (created: Initiative) => {
    // Navigation within the app: nothing to wait for, and nothing that can fail here.
    void navigate(`/backlog/${created.id}`, { state: { created: created.title } satisfies CreatedState });
  };
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => newButton.current?.focus());
  };

  return (
    <div className="page">
      <title>Value backlog · Throughline</title>
      <PageHeader
        title="Value backlog"
        lead="Every change the journey teams propose, from idea to measured result, ranked by what each pound is expected to return. Each carries its investment case: costs split business and technology, the KPI it should move and what that is worth."
      >
        <div className="backlog-actions">
          {backlog.data ? (
            <p className="page-header__meta">
              {plural(all.length, 'initiative')} · {formatGbp(annualValue)} expected value a year ·{' '}
              <Link to="/backlog/budgets">Team budgets</Link> · <Link to="/backlog/benefits">Benefits realised</Link>
            </p>
          ) : null}
          {canAdd && !adding ? (
            <button ref={newButton} type="button" className="button button--primary" onClick={() => setAdding(true)}>
              New initiative
            </button>
          ) : null}
        </div>
      </PageHeader>

      {adding ? (
        <NewInitiativeForm journeys={backlog.data?.journeys ?? []} teams={ownTeams} onCreated={onCreated} onCancel={closeForm} />
      ) : null}
      {rights.canEdit && rights.teamsKnown && ownTeams.length === 0 ? (
        <p className="notice">
          You are not in a team yet, so you cannot propose initiatives. Ask an admin to add you to the team you work in.
        </p>
      ) : null}

      <PriorityExplainer />

      <QueryView
        query={backlog}
        label="the backlog"
        rows={5}
        errorTitle="The backlog could not be loaded"
        isEmpty={(b) => b.initiatives.length === 0}
        empty={
          <EmptyState title="No initiatives yet">
            <p>
              An initiative is a change to a journey with its case: the failure points it fixes, what it should move on a KPI, what that is
              worth and what it costs. Start from the costliest failure points on your journeys (
              <Link to="/insights/failure-points">Failure points</Link>).
            </p>
            {canAdd ? (
              <p>Use “New initiative” above to propose the first one.</p>
            ) : (
              <p>Initiatives are proposed by {whoCan('initiative.edit')}.</p>
            )}
          </EmptyState>
        }
      >
        {(b) => (
          <section aria-label="Initiatives" className="section">
            <BacklogFilters view={view} journeys={b.journeys} teams={b.teams} shown={shown.length} total={all.length} onChange={setView} />
            {shown.length === 0 ? (
              <EmptyState
                title="No initiative matches these filters"
                headingLevel={2}
                action={
                  filtered ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setView({ journey: '', team: '', stage: DEFAULT_VIEW.stage })}
                    >
                      Show all initiatives
                    </button>
                  ) : null
                }
              >
                <p>Choose another journey, team or stage, or show them all.</p>
              </EmptyState>
            ) : view.layout === 'board' ? (
              <BacklogBoard initiatives={shown} stage={view.stage} />
            ) : (
              <BacklogTable initiatives={shown} view={view} onSort={(key) => setView(toggleSort(view, key))} />
            )}
          </section>
        )}
      </QueryView>
    </div>
  );
}
