import type { AcidTestKpi } from '@throughline/domain';
import { estimateRows } from './estimate-rows.ts';
import type { KpiUnit } from './use-kpi-units.ts';

/**
 * The three designs' estimates side by side, strongest first: the estimate with its 95% interval
 * and p-value, and in plain words what it estimates, or why it could not be made. The row that
 * decides the verdict says so in words as well as by its shading.
 */
export function EstimatesTable({ result, unit }: { result: AcidTestKpi; unit: KpiUnit }) {
  const rows = estimateRows(result, unit);
  return (
    <div
      className="table-wrap estimates"
      tabIndex={0}
      role="region"
      aria-label={`Three estimates of the change’s effect on ${result.kpiName}`}
    >
      <table className="table estimates__table">
        <caption className="visually-hidden">
          The change’s effect on {result.kpiName} by three designs, strongest first, with 95% intervals
        </caption>
        <thead>
          <tr>
            <th scope="col">Design</th>
            <th scope="col">Estimated effect</th>
            <th scope="col">95% interval</th>
            <th scope="col">What it estimates</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.design} className={row.decides ? 'estimates__row estimates__row--decides' : 'estimates__row'}>
              <th scope="row">
                {row.label}
                {row.decides ? <span className="estimates__decides">Decides the verdict</span> : null}
              </th>
              {row.estimate ? (
                <>
                  <td className="nowrap estimates__effect">
                    {row.estimate.effect}
                    {row.estimate.p ? <span className="estimates__p">{row.estimate.p}</span> : null}
                  </td>
                  <td className="nowrap">{row.estimate.interval}</td>
                </>
              ) : (
                <td colSpan={2} className="estimates__missing">
                  Not available
                </td>
              )}
              <td className="estimates__explanation">{row.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
