import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDateTime, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
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
      <QueryView query={overview} label="headline figures" rows={2} errorTitle="The headline figures could not be loaded">
        {(figures) => (
          <dl className="figures">
            <Figure label="Teams" value={figures.teams} />
            <Figure label="Journeys" value={figures.journeys} />
            <Figure label="Systems" value={figures.systems} />
            <Figure label="Policies" value={figures.policies} />
            <Figure label="KPIs" value={figures.kpis} />
            <Figure label="Survey responses" value={figures.surveyResponses} />
            <Figure label="Operational events" value={figures.operationalEvents} />
            <FreshnessFigure freshness={figures.freshness} />
          </dl>
        )}
      </QueryView>
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
