import type { FailurePoint } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatGbp } from '../common/locale-format.ts';
import { NoEvidenceFlag } from './no-evidence-flag.tsx';
import { formatUnitCost, frequencyText, gapWords } from './failure-point-format.ts';

/** The ranking in full, with the figures behind each cost; the chart's accessible version. */
export function FailurePointTable({ points }: { points: readonly FailurePoint[] }) {
  return (
    // Wider than a narrow screen: the box scrolls, so it takes keyboard focus and is named by its table.
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Failure points ranked by annual cost">
      <table className="table fp-table">
        <caption className="visually-hidden">Failure points ranked by annual cost, costliest first</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Failure point</th>
            <th scope="col">Step</th>
            <th scope="col">Journey</th>
            <th scope="col" className="num">
              Expectation vs capability (gap)
            </th>
            <th scope="col">Frequency</th>
            <th scope="col" className="num">
              Unit cost
            </th>
            <th scope="col" className="num">
              Annual cost
            </th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {points.map((f, i) => (
            <tr key={f.id}>
              <td className="num">{i + 1}</td>
              <th scope="row" className="fp-table__title">
                <Link to={`#fp-${f.id}`}>{f.title}</Link>
              </th>
              <td>{f.stepName}</td>
              <td>{f.journeyName}</td>
              <td className="num">
                {f.expectation} vs {f.capability} <span className="fp-table__gap">({gapWords(f.gap)})</span>
              </td>
              <td>{frequencyText(f)}</td>
              <td className="num">{formatUnitCost(f.unitCost)}</td>
              <td className="num fp-table__cost">{formatGbp(f.annualCost)}</td>
              <td className="nowrap">
                {f.evidenceCount === 0 ? (
                  <NoEvidenceFlag />
                ) : (
                  `${formatCount(f.evidenceCount)} ${f.evidenceCount === 1 ? 'insight' : 'insights'}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
