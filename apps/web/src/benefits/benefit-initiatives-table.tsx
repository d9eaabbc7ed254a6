import type { BenefitsPortfolio, InitiativeStage } from '@throughline/domain';
import { Link } from 'react-router';
import { formatGbp } from '../common/locale-format.ts';
import { designLabel } from '../acid-test/design-labels.ts';
import { StageTag } from '../initiatives/stage-tag.tsx';
import { formatUplift, formatUpliftInterval } from './benefit-format.ts';
import { RealisedValue } from './realised-value.tsx';

type Row = BenefitsPortfolio['initiatives'][number];

/**
 * Each delivered initiative, expected against measured: the uplift its case promised and the one
 * measured (with the design that measured it), and their values a year. One not yet measured says
 * so, with what its case expects, rather than leaving blanks.
 */
export function BenefitInitiativesTable({ initiatives }: { initiatives: readonly Row[] }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Each delivered initiative, expected against measured">
      <table className="table benefits-table benefits-table--initiatives">
        <caption className="visually-hidden">
          Each delivered initiative: expected against measured uplift, and expected against realised value a year
        </caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">KPI</th>
            <th scope="col" className="num">
              Expected uplift
            </th>
            <th scope="col" className="num">
              Measured uplift
            </th>
            <th scope="col" className="num">
              Expected a year
            </th>
            <th scope="col" className="num">
              Realised a year
            </th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((i) => {
            const measured = i.measuredUplift !== null;
            return (
              <tr key={i.id}>
                <th scope="row" className="benefits-table__initiative">
                  <Link to={`/backlog/${i.id}`}>{i.title}</Link>
                  <span className="benefits-table__detail">
                    <StageTag stage={i.stage as InitiativeStage} /> {i.journeyName} · {i.teamName} · {i.year}
                  </span>
                </th>
                <td>{i.kpiName ?? <span className="muted">None</span>}</td>
                <td className="num">{i.expectedUplift !== null ? formatUplift(i.expectedUplift) : '–'}</td>
                {measured ? (
                  <td className="num">
                    <span className="benefits-table__value">{formatUplift(i.measuredUplift!)}</span>
                    <span className="benefits-table__detail">{formatUpliftInterval(i.measuredLow, i.measuredHigh)}</span>
                    {i.design ? <span className="benefits-table__detail">by {designLabel(i.design).toLowerCase()}</span> : null}
                  </td>
                ) : (
                  <td className="num benefits-table__awaiting">
                    {i.stage === 'measured' ? 'Measured with no estimate recorded' : 'Awaiting measurement'}
                  </td>
                )}
                <td className="num">{i.expectedAnnualValue !== null ? formatGbp(i.expectedAnnualValue) : '–'}</td>
                <td className="num">
                  {i.realisedAnnualValue !== null ? (
                    <RealisedValue value={i.realisedAnnualValue} low={i.realisedLow} high={i.realisedHigh} />
                  ) : measured ? (
                    <span className="muted">No value per point</span>
                  ) : (
                    <span className="muted">Not yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
