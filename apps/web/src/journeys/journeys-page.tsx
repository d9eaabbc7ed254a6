import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { ErrorState, LoadingState } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { JourneyCardList } from './journey-card-list.tsx';

export function JourneysPage() {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  return (
    <div className="page">
      <title>Journeys · Throughline</title>
      <PageHeader
        title="Journeys"
        lead="Each customer journey as stages and steps, with the service blueprint behind every step and the one team accountable for it."
      />
      {journeys.isPending ? (
        <LoadingState label="journeys" rows={4} />
      ) : journeys.isError ? (
        <ErrorState
          title="The journeys could not be loaded"
          error={journeys.error}
          onRetry={() => void journeys.refetch()}
          retrying={journeys.isFetching}
        />
      ) : journeys.data.length === 0 ? (
        <EmptyState title="No journeys yet">
          <p>
            Map the journeys your customers take as stages and steps, with what happens frontstage and backstage at each one, then give each journey
            one accountable owner team.
          </p>
          <p>An admin can load journeys through the Throughline API; editing them here is on the way.</p>
        </EmptyState>
      ) : (
        <JourneyCardList journeys={journeys.data} headingLevel={2} />
      )}
    </div>
  );
}
