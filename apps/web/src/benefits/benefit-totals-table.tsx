import type { BenefitTotal } from '@throughline/domain';
import { formatCount, formatGbp } from '../common/locale-format.ts';
import { RealisedValue } from './realised-value.tsx';

/** The chart's numbers by group: delivered and measured, expected against realised, and what awaits measurement. */
export function BenefitTotalsTable({ totals, groupLabel }: { totals: readonly BenefitTotal[]; groupLabel: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Benefits ${groupLabel.toLowerCase()}`}>
      <table className="table benefits-table">
        <caption className="visually-hidden">
          Benefits realised {groupLabel.toLowerCase()}: delivered and measured initiatives, expected against realised value a year
        </caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
            <th scope="col" className="num">
              Delivered
            </th>
            <th scope="col" className="num">
              Measured
            </th>
            <th scope="col" className="num">
              Expected a year (of those measured)
            </th>
            <th scope="col" className="num">
              Realised a year
            </th>
            <th scope="col" className="num">
              Awaiting measurement
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.key}>
              <th scope="row">{t.label}</th>
              <td className="num">{formatCount(t.delivered)}</td>
              <td className="num">{formatCount(t.measured)}</td>
              <td className="num">{t.measured > 0 ? formatGbp(t.expectedAnnualValue) : '–'}</td>
              <td className="num">
                {t.measured > 0 ? (
                  <RealisedValue value={t.realisedAnnualValue} low={t.realisedLow} high={t.realisedHigh} />
                ) : (
                  'Nothing measured yet'
                )}
              </td>
              <td className="num">{t.awaitingMeasurement > 0 ? formatGbp(t.awaitingMeasurement) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
