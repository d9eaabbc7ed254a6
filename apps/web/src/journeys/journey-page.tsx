import { useQuery } from '@tanstack/react-query';
import type { Journey, RemitView, SystemWithOwner } from '@throughline/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { AddStageForm } from './add-stage-form.tsx';
import { ExportJourneyButton } from './export-journey-button.tsx';
import { OwnerBadge } from './owner-badge.tsx';
import { ServiceBlueprint } from './service-blueprint.tsx';
import { useJourneyEdits } from './use-journey-edits.ts';
import './journeys.css';

/** One journey and its service blueprint. */
export function JourneyPage() {
  const { journeyId = '' } = useParams();
  // The journey, the systems its steps name (with their owners) and the remits over it, in one call.
  const page = useQuery(trpc.journey.blueprint.queryOptions({ id: journeyId }));

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/journeys">Journeys</Link>
        </li>
        <li aria-current="page">{page.data?.journey.name ?? 'Journey'}</li>
      </ol>
    </nav>
  );

  const errorCode = page.isError ? page.error.data?.code : undefined;
  if (errorCode === 'NOT_FOUND' || errorCode === 'BAD_REQUEST') {
    return (
      <div className="page page--narrow">
        <title>Journey not found · Throughline</title>
        {breadcrumb}
        <EmptyState
          headingLevel={1}
          title="This journey was not found"
          action={
            <Link className="button button--primary" to="/journeys">
              See all journeys
            </Link>
          }
        >
          <p>It may have been removed, or the link may be incomplete.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <title>{page.isSuccess ? `${page.data.journey.name} · Throughline` : 'Journey · Throughline'}</title>
      {breadcrumb}
      <QueryView query={page} label="the journey" rows={6} errorTitle="The journey could not be loaded">
        {({ journey: data, systems, remits }) => (
          <>
            <PageHeader title={data.name} lead={data.description || undefined}>
              <div className="journey-facts">
                <OwnerBadge teamName={data.accountableTeamName} />
                <p className="journey-facts__size">
                  {plural(data.stageCount, 'stage')} · {plural(data.stepCount, 'step')}
                </p>
                {data.personas.length > 0 ? (
                  <ul className="chips" aria-label="Personas">
                    {data.personas.map((p) => (
                      <li key={p} className="chip chip--persona">
                        {p}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <div className="page-header__actions">
                <ExportJourneyButton journeyId={data.id} journeyName={data.name} />
              </div>
            </PageHeader>
            <BlueprintSection journey={data} systems={systems} remits={remits} />
          </>
        )}
      </QueryView>
    </div>
  );
}

interface BlueprintSectionProps {
  journey: Journey;
  systems: readonly SystemWithOwner[];
  remits: readonly RemitView[];
}

/** The blueprint, read-only until someone who may edit it turns editing on. */
function BlueprintSection({ journey, systems, remits }: BlueprintSectionProps) {
  const canEdit = useCan('journey.edit');
  const [editing, setEditing] = useState(false);
  const edits = useJourneyEdits(journey);
  const contributors = remits.filter((r) => r.role === 'contributing');

  return (
    <section aria-labelledby="blueprint-heading" className="section">
      <div className="section__header">
        <h2 id="blueprint-heading" className="section__title">
          Service blueprint
        </h2>
        <p className="section__meta">
          {editing
            ? 'Editing: click any lane to change it; move steps with the handle’s arrow keys or by dragging'
            : 'Scroll sideways for later stages'}
        </p>
        {canEdit ? (
          <button
            type="button"
            className={editing ? 'button button--primary' : 'button button--secondary'}
            aria-pressed={editing}
            onClick={() => setEditing((e) => !e)}
          >
            {editing ? 'Done editing' : 'Edit blueprint'}
          </button>
        ) : null}
      </div>
      {contributors.length > 0 ? (
        <p className="blueprint-remit">
          Contributing teams:{' '}
          {contributors.map((r) => `${r.teamName}${r.stepIds.length > 0 ? ` (${r.stepIds.length} steps)` : ''}`).join(', ')}. Systems owned
          by any other team are marked as outside the journey’s remit.
        </p>
      ) : null}
      {/* Every edit's outcome is announced here, success or failure, without moving focus. */}
      <p className="edit-notice" role="status" aria-live="polite">
        {editing ? edits.notice : ''}
      </p>
      {journey.stages.length === 0 ? (
        <EmptyState
          title="No stages mapped yet"
          headingLevel={3}
          action={
            canEdit && editing ? (
              <AddStageForm edits={edits} first />
            ) : canEdit ? (
              <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
                Start mapping
              </button>
            ) : null
          }
        >
          <p>
            Break the journey into stages (for example “Report”, “Assess”, “Settle”) and each stage into the steps the customer takes. Every
            step then gets its blueprint: what the customer does, what happens frontstage and backstage, and the systems behind it.
          </p>
        </EmptyState>
      ) : (
        <>
          <ServiceBlueprint journey={journey} systems={systems} remits={remits} edits={editing ? edits : undefined} />
          {editing ? <AddStageForm edits={edits} first={false} /> : null}
        </>
      )}
    </section>
  );
}
