import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { OwnerBadge } from './owner-badge.tsx';
import { ServiceBlueprint } from './service-blueprint.tsx';

/** One journey and its service blueprint. */
export function JourneyPage() {
  const { journeyId = '' } = useParams();
  const journey = useQuery(trpc.journey.get.queryOptions({ id: journeyId }));
  // Names and owners of the systems behind each step; the blueprint shows ids until they arrive.
  const systems = useQuery(trpc.system.list.queryOptions());

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/journeys">Journeys</Link>
        </li>
        <li aria-current="page">{journey.data?.name ?? 'Journey'}</li>
      </ol>
    </nav>
  );

  const errorCode = journey.isError ? journey.error.data?.code : undefined;
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
      <title>{journey.isSuccess ? `${journey.data.name} · Throughline` : 'Journey · Throughline'}</title>
      {breadcrumb}
      <QueryView query={journey} label="the journey" rows={6} errorTitle="The journey could not be loaded">
        {(data) => (
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
            </PageHeader>
            <section aria-labelledby="blueprint-heading" className="section">
              <div className="section__header">
                <h2 id="blueprint-heading" className="section__title">
                  Service blueprint
                </h2>
                <p className="section__meta">Read-only · scroll sideways for later stages</p>
              </div>
              {data.stages.length === 0 ? (
                <EmptyState title="No stages mapped yet" headingLevel={3}>
                  <p>
                    Break the journey into stages (for example “Report”, “Assess”, “Settle”) and each stage into the steps the customer takes. Every
                    step then gets its blueprint: what the customer does, what happens frontstage and backstage, and the systems behind it.
                  </p>
                </EmptyState>
              ) : (
                <ServiceBlueprint journey={data} systems={systems.data ?? []} />
              )}
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
