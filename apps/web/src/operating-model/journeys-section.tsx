import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { JourneyCardList } from '../journeys/journey-card-list.tsx';
import { trpc } from '../trpc.ts';

/** The journeys, each with the one team accountable for it end to end. */
export function JourneysSection() {
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const unowned = journeys.data?.filter((j) => !j.accountableTeamId).length ?? 0;

  return (
    <section aria-labelledby="journeys-heading" className="section">
      <div className="section__header">
        <h2 id="journeys-heading" className="section__title">
          Journeys
        </h2>
        {journeys.data && journeys.data.length > 0 ? (
          <p className="section__meta">
            {plural(journeys.data.length, 'journey')}
            {unowned > 0 ? ` · ${plural(unowned, 'journey')} without an accountable owner` : ' · every journey has an owner'}
          </p>
        ) : null}
        <Link to="/ownership" className="section__link">
          Who owns what
        </Link>
        <Link to="/journeys" className="section__link section__link--next">
          All journeys
        </Link>
      </div>
      <QueryView
        query={journeys}
        label="journeys"
        rows={3}
        errorTitle="The journeys could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No journeys yet" headingLevel={3}>
            <p>
              Map the journeys your customers take — “Report a claim”, “Renew a policy” — as stages and steps, then give each one
              accountable owner team. Set up your teams first: ownership needs someone to own.
            </p>
            <p>An admin can load journeys through the Throughline API; editing them here is on the way.</p>
          </EmptyState>
        }
      >
        {(list) => <JourneyCardList journeys={list} headingLevel={3} />}
      </QueryView>
    </section>
  );
}
