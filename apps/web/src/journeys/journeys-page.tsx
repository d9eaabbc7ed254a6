import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
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
      <QueryView
        query={journeys}
        label="journeys"
        rows={4}
        errorTitle="The journeys could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No journeys yet">
            <p>
              Map the journeys your customers take as stages and steps, with what happens frontstage and backstage at each one, then give each
              journey one accountable owner team.
            </p>
            <p>An admin can load journeys through the Throughline API; editing them here is on the way.</p>
          </EmptyState>
        }
      >
        {(list) => <JourneyCardList journeys={list} headingLevel={2} />}
      </QueryView>
    </div>
  );
}
