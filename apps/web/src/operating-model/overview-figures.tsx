import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDateTime, plural } from '../common/locale-format.ts';
import { ErrorState, LoadingState } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

interface Freshness {
  checkedAt: string;
  latestSurveyAt: string | null;
  latestEventAt: string | null;
  staleSourceCount: number;
}

/** Headline counts for the organisation and how fresh its incoming data is. */
export function OverviewFigures() {
  const overview = useQuery(trpc.organisation.overview.queryOptions());

  return (
    <section aria-labelledby="overview-heading" className="section">
      <h2 id="overview-heading" className="visually-hidden">
        At a glance
      </h2>
      {overview.isPending ? (
        <LoadingState label="headline figures" rows={2} />
      ) : overview.isError ? (
        <ErrorState
          title="The headline figures could not be loaded"
          error={overview.error}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      ) : (
        <dl className="figures">
          <Figure label="Teams" value={overview.data.teams} />
          <Figure label="Journeys" value={overview.data.journeys} />
          <Figure label="Systems" value={overview.data.systems} />
          <Figure label="Policies" value={overview.data.policies} />
          <Figure label="KPIs" value={overview.data.kpis} />
          <Figure label="Survey responses" value={overview.data.surveyResponses} />
          <Figure label="Operational events" value={overview.data.operationalEvents} />
          <FreshnessFigure freshness={overview.data.freshness} />
        </dl>
      )}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className="figure__value">{formatCount(value)}</dd>
    </div>
  );
}

function FreshnessFigure({ freshness }: { freshness: Freshness | null }) {
  if (!freshness) {
    return (
      <div className="figure figure--freshness">
        <dt className="figure__label">Data freshness</dt>
        <dd className="figure__text">Not checked yet</dd>
        <dd className="figure__note">The nightly check runs at 03:00 UTC.</dd>
      </div>
    );
  }
  const stale = freshness.staleSourceCount > 0;
  return (
    <div className={stale ? 'figure figure--freshness figure--warning' : 'figure figure--freshness'}>
      <dt className="figure__label">Data freshness</dt>
      <dd className="figure__text">Last checked {formatDateTime(freshness.checkedAt)}</dd>
      <dd className={stale ? 'figure__note figure__note--warning' : 'figure__note'}>
        {stale ? `${plural(freshness.staleSourceCount, 'source')} gone quiet` : 'All sources sending'}
        {freshness.latestSurveyAt ? ` · latest survey ${formatDateTime(freshness.latestSurveyAt)}` : ''}
      </dd>
    </div>
  );
}
