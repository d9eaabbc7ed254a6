import { useQuery } from '@tanstack/react-query';
import type { BenefitsPortfolio } from '@throughline/domain';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { GROUPING_LABEL, GROUPINGS, groupingOf, realisedShare, totalsBy, type Grouping } from './benefit-format.ts';
import { BenefitInitiativesTable } from './benefit-initiatives-table.tsx';
import { BenefitTotalsTable } from './benefit-totals-table.tsx';
import { BenefitsChart } from './benefits-chart.tsx';
import '../common/segmented.css';
import '../initiatives/backlog.css';
import './benefits.css';

/**
 * Benefits realised: the refreshed business case. Each measured initiative's uplift priced at its
 * value per point, against what its case expected, added up by journey, team and year; what is
 * delivered but not yet measured is counted apart, never as realised.
 */
export function BenefitsPage() {
  const portfolio = useQuery(trpc.initiative.portfolio.queryOptions({}));
  const [params, setParams] = useSearchParams();
  const by = groupingOf(params.get('by'));
  const choose = (next: Grouping) =>
    setParams(
      (p) => {
        if (next === 'journey') p.delete('by');
        else p.set('by', next);
        return p;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <title>Benefits realised · Throughline</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/backlog">Value backlog</Link>
          </li>
          <li aria-current="page">Benefits realised</li>
        </ol>
      </nav>
      <PageHeader
        title="Benefits realised"
        lead="What delivered initiatives are worth now that they are measured: each measured uplift priced at its value per point, with its 95% interval, against what its case expected. Delivered initiatives not yet measured are counted apart, never as realised."
      />
      <QueryView
        query={portfolio}
        label="benefits realised"
        rows={6}
        errorTitle="Benefits realised could not be loaded"
        isEmpty={(p) => p.total.delivered === 0}
        empty={
          <EmptyState
            title="Nothing delivered yet"
            action={
              <Link className="button button--primary" to="/backlog">
                Go to the backlog
              </Link>
            }
          >
            <p>
              Benefits are realised once an initiative is implemented and then measured. Take an initiative on the backlog through delivery,
              mark it implemented with the date it went live, and mark it measured once its KPI has results since: the acid test’s strongest
              design records its uplift, and it is priced here.
            </p>
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <PortfolioFigures portfolio={p} />
            {p.total.measured === 0 ? (
              <div className="section">
                <EmptyState
                  title="Nothing measured yet"
                  action={
                    <Link className="button button--primary" to="/backlog?stage=implemented&view=list">
                      See the implemented initiatives
                    </Link>
                  }
                >
                  <p>
                    {plural(p.total.delivered, 'initiative')} {p.total.delivered === 1 ? 'is' : 'are'} delivered, expecting{' '}
                    {formatGbp(p.total.awaitingMeasurement)} a year, but none is measured yet. Measure an implemented initiative: open it
                    and mark it measured once its KPI has results since it went live. What the acid test finds is then priced and added up
                    here.
                  </p>
                </EmptyState>
              </div>
            ) : (
              <GroupedBenefits portfolio={p} by={by} onChoose={choose} />
            )}
            <section aria-labelledby="benefit-initiatives-heading" className="section">
              <h2 id="benefit-initiatives-heading" className="section__title">
                Each delivered initiative
              </h2>
              <BenefitInitiativesTable initiatives={p.initiatives} />
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}

function PortfolioFigures({ portfolio: { total } }: { portfolio: BenefitsPortfolio }) {
  const share = realisedShare(total);
  return (
    <section aria-labelledby="benefit-totals-heading" className="section">
      <h2 id="benefit-totals-heading" className="visually-hidden">
        Across the organisation
      </h2>
      <dl className="figures benefit-figures">
        <div className="figure">
          <dt className="figure__label">Realised a year</dt>
          <dd className="figure__value">{total.measured > 0 ? formatGbp(total.realisedAnnualValue) : '–'}</dd>
          <dd className="figure__note">
            {total.measured > 0
              ? `95% CI ${formatGbp(total.realisedLow)} to ${formatGbp(total.realisedHigh)}, from ${plural(total.measured, 'measured initiative')}`
              : 'Nothing measured yet'}
          </dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Expected by the same cases</dt>
          <dd className="figure__value">{total.measured > 0 ? formatGbp(total.expectedAnnualValue) : '–'}</dd>
          <dd className="figure__note">{share ?? 'What the measured initiatives’ cases promised a year'}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Awaiting measurement</dt>
          <dd className="figure__value">{formatGbp(total.awaitingMeasurement)}</dd>
          <dd className="figure__note">
            a year expected from {plural(total.delivered - total.measured, 'delivered initiative')} not yet measured: not counted as
            realised
          </dd>
        </div>
        <div className="figure">
          <dt className="figure__label">Delivered</dt>
          <dd className="figure__value">{total.delivered}</dd>
          <dd className="figure__note">
            {total.delivered === 1 ? 'initiative' : 'initiatives'} implemented or measured, {total.measured} measured
          </dd>
        </div>
      </dl>
    </section>
  );
}

interface GroupedBenefitsProps {
  portfolio: BenefitsPortfolio;
  by: Grouping;
  onChoose: (by: Grouping) => void;
}

/** The sums by journey, team or year: a chart of expected against realised, and its numbers. */
function GroupedBenefits({ portfolio, by, onChoose }: GroupedBenefitsProps) {
  const name = useId();
  const totals = totalsBy(portfolio, by);
  return (
    <section aria-labelledby="benefit-groups-heading" className="section">
      <div className="section__header benefit-groups__header">
        <h2 id="benefit-groups-heading" className="section__title">
          Expected against realised, {GROUPING_LABEL[by].toLowerCase()}
        </h2>
        {/* Radio buttons styled as a segmented control: arrow keys move between them, as people expect. */}
        <fieldset className="segmented">
          <legend className="visually-hidden">Add up the benefits</legend>
          {GROUPINGS.map((g) => (
            <label key={g} className="segmented__option">
              <input type="radio" name={name} value={g} checked={by === g} onChange={() => onChoose(g)} />
              <span>{GROUPING_LABEL[g]}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <BenefitsChart totals={totals} />
      <BenefitTotalsTable totals={totals} groupLabel={GROUPING_LABEL[by]} />
    </section>
  );
}
