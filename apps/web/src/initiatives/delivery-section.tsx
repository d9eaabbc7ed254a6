import { useQuery } from '@tanstack/react-query';
import { describeRollout, rolloutHasComparison, type Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatDate, formatGbp } from '../common/locale-format.ts';
import { SplitMoneyCells, SplitMoneyHeads } from '../common/split-money-cells.tsx';
import { trpc } from '../trpc.ts';
import { totalCost } from './initiative-format.ts';
import { ProgressBar } from './progress-bar.tsx';

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** Adoption (people trained against the plan, and use), delivery dates, and spend against what was funded. */
export function DeliverySection({ initiative: i }: { initiative: Initiative }) {
  // Steps are stored by id: their names, only when the rollout is by step.
  const steps = useQuery({ ...trpc.journey.stepNames.queryOptions(), enabled: i.rollout.dimension === 'step' });
  const stepName = new Map(steps.data?.map((s) => [s.id, s.name]));
  const spent = i.spentBusiness + i.spentTechnology;
  const committed = totalCost(i.figures);
  return (
    <>
      <section id="adoption" aria-labelledby="adoption-heading" className="section">
        <div className="section__header">
          <h2 id="adoption-heading" className="section__title">
            Adoption plan
          </h2>
        </div>
        <div className="adoption">
          {i.peopleToTrain > 0 ? (
            <ProgressBar
              label="People trained"
              value={i.peopleTrained}
              max={i.peopleToTrain}
              text={`${formatCount(i.peopleTrained)} of ${formatCount(i.peopleToTrain)} people trained (${percent.format(i.peopleTrained / i.peopleToTrain)})`}
            />
          ) : (
            <p className="muted">No one to train yet: say how many frontline people need to work differently.</p>
          )}
          <dl className="facts">
            <div>
              <dt>Usage measure</dt>
              <dd>{i.usageMeasure || <span className="muted">Not set: starting delivery needs it</span>}</dd>
            </div>
            <div>
              <dt>Usage so far</dt>
              <dd>{i.usageValue !== null ? formatCount(i.usageValue) : <span className="muted">Not measured yet</span>}</dd>
            </div>
            <div>
              <dt>Rollout</dt>
              <dd>
                {describeRollout(i.rollout, (scope) => stepName.get(scope) ?? scope)}
                <span className="facts__note">
                  {rolloutHasComparison(i.rollout)
                    ? 'Leaves customers to compare with: the acid test can use a difference in differences.'
                    : 'Leaves nobody to compare with: the acid test falls back on the KPI’s own trend and season.'}
                </span>
              </dd>
            </div>
          </dl>
        </div>
      </section>

      <section id="delivery" aria-labelledby="delivery-heading" className="section">
        <div className="section__header">
          <h2 id="delivery-heading" className="section__title">
            Delivery and spend
          </h2>
        </div>
        <dl className="facts facts--row">
          <div>
            <dt>Funded</dt>
            <dd>
              {i.fundedOn ? `${formatDate(i.fundedOn)}, by ${i.fundingApprover === 'council' ? 'the CX council' : i.teamName}` : 'Not yet'}
            </dd>
          </div>
          <div>
            <dt>Delivery started</dt>
            <dd>{i.deliveryStartOn ? formatDate(i.deliveryStartOn) : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Implemented</dt>
            <dd>{i.implementedOn ? formatDate(i.implementedOn) : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Measured</dt>
            <dd>{i.measuredOn ? formatDate(i.measuredOn) : 'Not yet'}</dd>
          </div>
          {i.changeProposalId ? (
            <div>
              <dt>Policy change</dt>
              <dd>
                <Link to={`/governance#proposal-${i.changeProposalId}`}>The change proposal</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {i.changeSummary ? (
          <div className="change-summary">
            <h3 className="subsection__title">What changed in operations</h3>
            <p className="prose">{i.changeSummary}</p>
          </div>
        ) : null}
        <h3 className="subsection__title">Spend against {i.fundedOn ? 'funding' : 'the case'}</h3>
        <ProgressBar
          label={i.fundedOn ? 'Spent of the funded amount' : 'Spent of the costed case'}
          value={spent}
          max={committed}
          overIsWarning
          text={
            committed === 0
              ? `${formatGbp(spent)} spent; no costs in the case yet`
              : spent > committed
                ? `${formatGbp(spent)} spent of ${formatGbp(committed)} ${i.fundedOn ? 'funded' : 'costed'}: ${formatGbp(spent - committed)} over`
                : `${formatGbp(spent)} spent of ${formatGbp(committed)} ${i.fundedOn ? 'funded' : 'costed'} (${percent.format(spent / committed)})`
          }
        />
        <div className="table-wrap spend-table">
          <table className="table">
            <caption className="visually-hidden">Spend against the case, business and technology</caption>
            <thead>
              <tr>
                <td />
                <SplitMoneyHeads />
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{i.fundedOn ? 'Funded' : 'Costed'} (one-off + a year of running)</th>
                <SplitMoneyCells business={i.oneOffBusiness + i.runningBusiness} technology={i.oneOffTechnology + i.runningTechnology} />
              </tr>
              <tr>
                <th scope="row">Spent so far</th>
                <SplitMoneyCells business={i.spentBusiness} technology={i.spentTechnology} />
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
