import type { TeamBudget } from '@throughline/domain';
import { Link } from 'react-router';
import { formatGbp, plural } from '../common/locale-format.ts';
import { SplitMoneyCells, SplitMoneyHeads } from '../common/split-money-cells.tsx';
import { WarningIcon } from '../common/warning-icon.tsx';

/** The chart's numbers: each team's budget, committed and spent split business / technology, and headroom. */
export function BudgetTable({ budgets }: { budgets: readonly TeamBudget[] }) {
  return (
    <div className="table-wrap">
      <table className="table budget-table">
        <caption className="visually-hidden">Each team’s annual budget, committed and spent, business and technology, and headroom</caption>
        <thead>
          <tr>
            <td rowSpan={2} />
            <th scope="col" rowSpan={2} className="num">
              Annual budget
            </th>
            <th scope="colgroup" colSpan={3} className="budget-table__group">
              Committed
            </th>
            <th scope="colgroup" colSpan={3} className="budget-table__group">
              Spent
            </th>
            <th scope="col" rowSpan={2} className="num">
              Headroom
            </th>
          </tr>
          <tr>
            <SplitMoneyHeads />
            <SplitMoneyHeads />
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => (
            <tr key={b.teamId}>
              <th scope="row" className="budget-table__team">
                <Link to={`/backlog?team=${b.teamId}&view=list`}>{b.teamName}</Link>
                <span className="budget-table__count">{plural(b.initiatives, 'funded initiative')}</span>
              </th>
              <td className="num">{formatGbp(b.annualBudget)}</td>
              <SplitMoneyCells {...b.committed} totalClassName="budget-table__total" />
              <SplitMoneyCells {...b.spent} totalClassName="budget-table__total" />
              <td className="num">
                {b.headroom < 0 ? (
                  <span className="flag flag--warning">
                    <WarningIcon />
                    <span>Over by {formatGbp(-b.headroom)}</span>
                  </span>
                ) : (
                  formatGbp(b.headroom)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
