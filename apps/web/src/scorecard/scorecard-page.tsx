import { useQuery } from '@tanstack/react-query';
import type { Scorecard } from '@throughline/domain';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatDateTime, formatGbp, formatGbpInterval, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { PeriodPicker } from '../period/period-picker.tsx';
import { periodQuery } from '../period/period-params.ts';
import { usePeriodParams } from '../period/use-period-params.ts';
import { trpc } from '../trpc.ts';
import { ScorecardJourneySection } from './scorecard-journey.tsx';
import { scorecardTotals } from './scorecard-totals.ts';
import './scorecard.css';

/** While some KPI has no value yet, ask again this often. */
const PENDING_POLL_MS = 30_000;

/**
 * The executive scorecard: per journey, who owns it, its KPIs against target with trend and
 * confidence, what the gaps are worth, the costliest failures, the backlog and what was
 * delivered; the organisation's totals first. Also as CSV and PDF.
 */
export function ScorecardPage() {
  const [period, setPeriod] = usePeriodParams();
  const scorecard = useQuery({
    ...trpc.scorecard.get.queryOptions(period),
    // KPIs the engine has not computed yet (just after start) fill in without a reload.
    refetchInterval: (query) =>
      query.state.data?.journeys.some((j) => j.kpis.some((k) => k.status === 'no_data')) ? PENDING_POLL_MS : false,
    placeholderData: (previous) => previous,
  });
  // The downloads carry the period on the page, so the file says what the screen says.
  const query = periodQuery(period);

  return (
    <div className="page">
      <title>Executive scorecard · Throughline</title>
      <PageHeader
        title="Executive scorecard"
        lead="Each journey’s owner, its KPIs against target with their trend and confidence, what closing the gaps is worth, the costliest failures, and what the backlog has delivered: realised value from measured initiatives, with what awaits measurement shown apart."
      >
        {scorecard.data ? (
          <p className="page-header__meta">
            {scorecard.data.organisationName} · {scorecard.data.periodLabel} · as of {formatDateTime(scorecard.data.generatedAt)} (
            {scorecard.data.timeZone})
          </p>
        ) : null}
        <div className="sc-downloads" role="group" aria-label="Download the scorecard">
          {/* Plain links: the API sends the file with the session cookie and names it for saving. */}
          <a className="button button--secondary" href={`/export/scorecard.pdf${query}`} download>
            <DownloadIcon />
            Download PDF
          </a>
          <a className="button button--secondary" href={`/export/scorecard.csv${query}`} download>
            <DownloadIcon />
            Download CSV
          </a>
        </div>
      </PageHeader>
      <div className="sc-period">
        <PeriodPicker value={period} onChange={setPeriod} today={scorecard.data?.today} />
        <p className="sc-period__note">
          Values, status and value at stake are for the period shown; the period still running is beside each value, to date. Below a KPI’s
          minimum sample no status or value at stake is claimed.
        </p>
      </div>
      <QueryView
        query={scorecard}
        label="the scorecard"
        rows={8}
        errorTitle="The scorecard could not be loaded"
        isEmpty={(s) => s.journeys.length === 0}
        empty={
          <EmptyState title="No journeys to report on yet">
            <p>
              The scorecard has a section for each customer journey. Map your journeys, give each an accountable team and its KPIs, and they
              show here.
            </p>
          </EmptyState>
        }
      >
        {(s) => (
          <>
            <OrganisationTotals scorecard={s} />
            <nav aria-label="Journeys on the scorecard" className="sc-jump">
              {s.journeys.map((j) => (
                <a key={j.journeyId} href={`#sc-${j.journeyId}`}>
                  {j.journeyName}
                </a>
              ))}
            </nav>
            <div className="sc-journeys">
              {s.journeys.map((j) => (
                <ScorecardJourneySection key={j.journeyId} journey={j} />
              ))}
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}

function OrganisationTotals({ scorecard }: { scorecard: Scorecard }) {
  const t = scorecardTotals(scorecard);
  return (
    <section aria-labelledby="sc-totals-heading" className="section">
      <h2 id="sc-totals-heading" className="section__title sc-totals__title">
        Across the organisation
      </h2>
      <dl className="figures sc-totals">
        <div className="figure">
          <dt className="figure__label">Value at stake</dt>
          <dd className="figure__value">{formatGbp(t.valueAtStake)}</dd>
          <dd className="figure__note">a year, if every KPI judged in the period shown reached its target</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Cost of the top failure points</dt>
          <dd className="figure__value">{formatGbp(t.failureCost)}</dd>
          <dd className="figure__note">a year, each journey’s costliest</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Backlog</dt>
          <dd className="figure__value">{formatGbp(t.backlogValue)}</dd>
          <dd className="figure__note">a year of value in {plural(t.initiatives, 'initiative')}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Realised</dt>
          <dd className="figure__value">{t.measured > 0 ? formatGbp(t.realisedAnnualValue) : '–'}</dd>
          <dd className="figure__note">
            {t.measured > 0
              ? `a year, ${formatGbpInterval(t.realisedLow, t.realisedHigh)}, from ${t.measured} of ${plural(t.implemented, 'delivered initiative')} measured`
              : `nothing measured yet of ${plural(t.implemented, 'delivered initiative')}`}
          </dd>
        </div>
      </dl>
      <p className="sc-totals__line">
        {plural(t.journeys, 'journey')} · {t.kpisOnTarget} of {plural(t.kpisJudged, 'KPI')} judged against target on target ·{' '}
        {t.outcomesAchieved} of {plural(t.outcomes, 'outcome')} achieved
        {t.awaitingMeasurement > 0
          ? ` · ${formatGbp(t.awaitingMeasurement)} a year expected from delivered initiatives awaiting measurement`
          : ''}
        {t.kpisTooFew > 0 ? ` · ${plural(t.kpisTooFew, 'KPI')} with too few answers to judge` : ''}
        {t.journeysWithoutOwner > 0 ? ` · ${plural(t.journeysWithoutOwner, 'journey')} without an accountable owner` : ''}
      </p>
    </section>
  );
}

function DownloadIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 3v12M7 10l5 5 5-5" />
      <path d="M4 17v3h16v-3" />
    </svg>
  );
}
