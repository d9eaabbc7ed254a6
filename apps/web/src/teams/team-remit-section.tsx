import { useQueries, useQuery } from '@tanstack/react-query';
import type { RemitView } from '@throughline/domain';
import { Link } from 'react-router';
import { useCan } from '../auth/use-actor.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

/** The journeys the team is accountable for, and those it contributes to (whole or some steps). */
export function TeamRemitSection({ teamId, teamName }: { teamId: string; teamName: string }) {
  const remits = useQuery({ ...trpc.remit.list.queryOptions(), select: (list) => list.filter((r) => r.teamId === teamId) });
  const canEdit = useCan('remit.edit');
  const narrowed = [...new Set((remits.data ?? []).filter((r) => r.stepIds.length > 0).map((r) => r.journeyId))];
  const stepNames = useQueries({
    queries: narrowed.map((id) => trpc.journey.get.queryOptions({ id })),
    combine: (results) =>
      new Map(results.flatMap((r) => r.data?.stages.flatMap((s) => s.steps.map((step) => [step.id, step.name] as const)) ?? [])),
  });

  return (
    <section aria-labelledby="remit-heading" className="section">
      <div className="section__header">
        <h2 id="remit-heading" className="section__title">
          Remit
        </h2>
        <Link to="/ownership" className="section__link">
          Ownership matrix
        </Link>
      </div>
      <QueryView
        query={remits}
        label="the team’s remit"
        rows={2}
        errorTitle="The team’s remit could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No remit yet" headingLevel={3}>
            <p>
              {teamName} is neither accountable for nor contributing to any customer journey, so it has no decision rights over any step.{' '}
              {canEdit
                ? 'Give it a remit on the Ownership page: make it accountable for a journey, or a contributor to the steps it works on.'
                : 'A CX lead or admin can give it one on the Ownership page.'}
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="team-remit">
            <RemitList
              title="Accountable for"
              remits={list.filter((r) => r.role === 'accountable')}
              stepNames={stepNames}
              none="None: other teams are accountable for the journeys it works on."
            />
            <RemitList title="Contributes to" remits={list.filter((r) => r.role === 'contributing')} stepNames={stepNames} none="None." />
          </div>
        )}
      </QueryView>
    </section>
  );
}

function RemitList({
  title,
  remits,
  stepNames,
  none,
}: {
  title: string;
  remits: RemitView[];
  stepNames: ReadonlyMap<string, string>;
  none: string;
}) {
  return (
    <div className="panel team-remit__group">
      <h3 className="panel__title">{title}</h3>
      {remits.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="team-list">
          {remits.map((remit) => (
            <li key={remit.id}>
              <Link to={`/journeys/${remit.journeyId}`} className="team-list__name">
                {remit.journeyName}
              </Link>
              {remit.role === 'contributing' ? <span className="team-list__detail">{scopeText(remit, stepNames)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function scopeText(remit: RemitView, stepNames: ReadonlyMap<string, string>): string {
  if (remit.stepIds.length === 0) return 'The whole journey';
  const names = remit.stepIds.map((id) => stepNames.get(id));
  if (names.some((n) => n === undefined)) return plural(remit.stepIds.length, 'step');
  return `${plural(remit.stepIds.length, 'step')}: ${names.join(', ')}`;
}
