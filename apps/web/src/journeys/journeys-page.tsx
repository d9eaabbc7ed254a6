import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { ImportJourneyForm } from './import-journey-form.tsx';
import { JourneyCardList } from './journey-card-list.tsx';
import { NewJourneyForm } from './new-journey-form.tsx';
import './journeys.css';

export function JourneysPage() {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const canCreate = useCan('journey.create');
  const [adding, setAdding] = useState(false);
  return (
    <div className="page">
      <title>Journeys · Throughline</title>
      <PageHeader
        title="Journeys"
        lead="Each customer journey as stages and steps, with the service blueprint behind every step and the one team accountable for it."
      >
        {canCreate ? (
          <div className="page-header__actions">
            <button type="button" className="button button--primary" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
              {adding ? 'Close' : 'New journey'}
            </button>
          </div>
        ) : null}
      </PageHeader>
      {adding ? (
        <div className="two-panels">
          <NewJourneyForm />
          <ImportJourneyForm />
        </div>
      ) : null}
      <QueryView
        query={journeys}
        label="journeys"
        rows={4}
        errorTitle="The journeys could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No journeys yet">
            <p>
              Map the journeys your customers take as stages and steps, with what happens frontstage and backstage at each one, then give
              each journey one accountable owner team.
            </p>
            <p>
              {canCreate
                ? 'Choose “New journey” above to map the first one, or import a journey file.'
                : 'A CX lead or admin creates journeys; ask one to map the first.'}
            </p>
          </EmptyState>
        }
      >
        {(list) => <JourneyCardList journeys={list} headingLevel={2} />}
      </QueryView>
    </div>
  );
}
