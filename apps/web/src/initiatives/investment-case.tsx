import type { Initiative, SystemWithOwner } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { SplitMoneyCells, SplitMoneyHeads } from '../common/split-money-cells.tsx';
import { DetectabilityNote } from './detectability-note.tsx';
import { formatOptionalGbp, valueSourceText } from './initiative-format.ts';
import { NoTechnologyFlag } from './no-technology-flag.tsx';

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const CONFIDENCE: Record<Initiative['upliftConfidence'], string> = { low: 'low', medium: 'medium', high: 'high' };

interface InvestmentCaseProps {
  initiative: Initiative;
  systems: readonly SystemWithOwner[];
}

/** Costs split business / technology, what it changes, and how its value and priority are worked out. */
export function InvestmentCase({ initiative: i, systems }: InvestmentCaseProps) {
  const f = i.figures;
  const changed = systems.filter((s) => i.systemIds.includes(s.id));
  return (
    <section id="case" aria-labelledby="case-heading" className="section">
      <div className="section__header">
        <h2 id="case-heading" className="section__title">
          Investment case
        </h2>
        {f.noTechnologyScope ? <NoTechnologyFlag /> : null}
      </div>
      <div className="case-grid">
        <div className="table-wrap">
          <table className="table case-costs">
            <caption className="case-costs__caption">Costs</caption>
            <thead>
              <tr>
                <td />
                <SplitMoneyHeads />
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">One-off</th>
                <SplitMoneyCells business={i.oneOffBusiness} technology={i.oneOffTechnology} />
              </tr>
              <tr>
                <th scope="row">Running, a year</th>
                <SplitMoneyCells business={i.runningBusiness} technology={i.runningTechnology} />
              </tr>
            </tbody>
          </table>
        </div>
        <dl className="facts">
          <div>
            <dt>Systems it changes</dt>
            <dd>
              {changed.length > 0 ? (
                <ul className="chips">
                  {changed.map((s) => (
                    <li key={s.id} className="chip chip--system">
                      {s.name}
                    </li>
                  ))}
                </ul>
              ) : (
                'None named'
              )}
            </dd>
          </div>
          <div>
            <dt>IT effort</dt>
            <dd>{i.itEffortDays > 0 ? `${formatCount(i.itEffortDays)} days` : 'None estimated'}</dd>
          </div>
          <div>
            <dt>KPI</dt>
            <dd>{i.kpiId ? <Link to={`/kpis/${i.kpiId}`}>{i.kpiName ?? 'The KPI'}</Link> : 'None chosen yet'}</dd>
          </div>
          <div>
            <dt>Expected uplift</dt>
            <dd>
              {i.expectedUplift !== null
                ? `${i.expectedUplift > 0 ? '+' : ''}${i.expectedUplift} points, ${CONFIDENCE[i.upliftConfidence]} confidence`
                : 'Not stated yet'}
              {i.detectability?.belowDetectable ? (
                <span className="flag flag--warning facts__flag">
                  <WarningIcon />
                  <span>
                    Below the {i.detectability.minimumDetectable !== null ? `${oneDecimal.format(i.detectability.minimumDetectable)} ` : ''}
                    points the acid test could detect
                  </span>
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Value per point</dt>
            <dd>
              {formatOptionalGbp(f.valuePerPoint)}
              <span className="facts__note">{valueSourceText(f, i.kpiName)}</span>
              {i.valuePerPointWarning ? (
                <span className="case-divergence" role="note" aria-label="The value per point disagrees with the value model">
                  <WarningIcon />
                  <span>
                    {i.valuePerPointWarning.divergence}{' '}
                    {i.valuePerPointWarning.reason ? <>Reason given: “{i.valuePerPointWarning.reason}”</> : 'No reason was given for it.'}
                  </span>
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </div>
      <DetectabilityNote initiative={i} />
      <div className="priority-why">
        <h3 className="priority-why__title">Why the priority is {f.priority === null ? 'not known yet' : f.priority.toFixed(2)}</h3>
        <p>{f.priorityExplanation}</p>
      </div>
    </section>
  );
}
