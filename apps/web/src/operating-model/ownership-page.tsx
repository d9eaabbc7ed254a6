import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { ownershipMatrix } from './ownership-matrix.ts';
import { OwnershipMatrixTable } from './ownership-matrix-table.tsx';
import { RemitCellDialog } from './remit-cell-dialog.tsx';
import { SystemsSection } from './systems-section.tsx';

/** Journeys × teams: who is accountable, who contributes, where ownership has gaps or overlaps. */
export function OwnershipPage() {
  const canEdit = useCan('remit.edit');
  const teams = useQuery(trpc.team.list.queryOptions());
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const remits = useQuery(trpc.remit.list.queryOptions());
  // Each journey's steps, to name the steps contributors cover; the matrix shows counts until then.
  const details = useQueries({
    queries: (journeys.data ?? []).map((j) => trpc.journey.get.queryOptions({ id: j.id })),
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });
  // A few dozen steps: cheap enough to rebuild on each render.
  const stepNames = new Map(details.flatMap((j) => j.stages.flatMap((stage) => stage.steps.map((step) => [step.id, step.name] as const))));
  // The open cell, by ids, so it shows fresh data after every refetch.
  const [editing, setEditing] = useState<{ journeyId: string; teamId: string } | null>(null);
  const [status, setStatus] = useState('');

  const rows = useMemo(
    () => ownershipMatrix(journeys.data ?? [], teams.data ?? [], remits.data ?? []),
    [journeys.data, teams.data, remits.data],
  );
  const editRow = editing ? rows.find((r) => r.journey.id === editing.journeyId) : undefined;
  const editCell = editRow?.cells.find((c) => c.team.id === editing?.teamId);
  const target = editRow && editCell ? { row: editRow, cell: editCell } : null;

  return (
    <div className="page">
      <title>Ownership · Throughline</title>
      <PageHeader
        title="Ownership"
        lead={
          canEdit
            ? 'Which team is accountable for each customer journey end to end, and which teams contribute to it. Choose a cell to change a team’s remit.'
            : `Which team is accountable for each customer journey end to end, and which teams contribute to it. Only ${whoCan('remit.edit')} change remits.`
        }
      />
      <section aria-labelledby="matrix-heading" className="section">
        <div className="section__header">
          <h2 id="matrix-heading" className="section__title">
            Journeys and teams
          </h2>
          <Link to="/health" className="section__link">
            Health findings
          </Link>
        </div>
        <MatrixLegend />
        <p role="status" className="status-note">
          {status}
        </p>
        <QueryView
          query={teams}
          label="teams"
          rows={4}
          errorTitle="The teams could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No teams yet" headingLevel={3}>
              <p>Ownership needs someone to own. Set up your teams first, then give each journey one accountable team here.</p>
            </EmptyState>
          }
        >
          {(teamList) => (
            <QueryView
              query={journeys}
              label="journeys"
              rows={4}
              errorTitle="The journeys could not be loaded"
              isEmpty={(list) => list.length === 0}
              empty={
                <EmptyState title="No journeys yet" headingLevel={3}>
                  <p>Map the journeys your customers take first; each then gets one accountable team and any contributing teams here.</p>
                </EmptyState>
              }
            >
              {() => (
                <QueryView query={remits} label="remits" rows={4} errorTitle="Who owns what could not be loaded">
                  {() => (
                    <OwnershipMatrixTable
                      rows={rows}
                      teams={teamList}
                      stepNames={stepNames}
                      onEdit={
                        canEdit
                          ? (row, cell) => {
                              setStatus('');
                              setEditing({ journeyId: row.journey.id, teamId: cell.team.id });
                            }
                          : undefined
                      }
                    />
                  )}
                </QueryView>
              )}
            </QueryView>
          )}
        </QueryView>
      </section>
      <SystemsSection teams={teams.data ?? []} />
      <RemitCellDialog
        target={target}
        journey={target ? details.find((j) => j.id === target.row.journey.id) : undefined}
        stepNames={stepNames}
        onClose={() => setEditing(null)}
        onDone={(message) => {
          setStatus(message);
          setEditing(null);
        }}
      />
    </div>
  );
}

function MatrixLegend() {
  return (
    <dl className="matrix-legend">
      <div>
        <dt>
          <span className="remit-role remit-role--accountable">Accountable</span>
        </dt>
        <dd>owns the whole journey end to end; exactly one team per journey</dd>
      </div>
      <div>
        <dt>
          <span className="remit-role remit-role--contributing">Contributes</span>
        </dt>
        <dd>works on the whole journey or on named steps</dd>
      </div>
      <div>
        <dt>Gap</dt>
        <dd>a journey nobody is accountable for</dd>
      </div>
      <div>
        <dt>Overlap</dt>
        <dd>a step two contributors both claim</dd>
      </div>
    </dl>
  );
}
