import type { Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { formatGbp } from '../common/locale-format.ts';
import type { BacklogView, SortKey } from './backlog-view.ts';
import { formatPayback, formatPriority, formatRoi, totalCost } from './initiative-format.ts';
import { NoTechnologyFlag } from './no-technology-flag.tsx';
import { StageTag } from './stage-tag.tsx';

interface BacklogTableProps {
  /** Already filtered and sorted. */
  initiatives: readonly Initiative[];
  view: BacklogView;
  onSort: (key: SortKey) => void;
}

const COLUMNS: { key: SortKey; label: string; hint: string }[] = [
  { key: 'priority', label: 'Priority', hint: 'what each pound is expected to return, discounted for doubt' },
  { key: 'annualValue', label: 'Annual value', hint: 'uplift × value per point' },
  { key: 'roi', label: 'ROI', hint: 'over three years' },
  { key: 'payback', label: 'Payback', hint: 'months to recover the one-off cost' },
  { key: 'cost', label: 'Cost', hint: 'one-off plus a year of running' },
];

/** The backlog as a table, sortable by its figures; the sorted column says so to screen readers. */
export function BacklogTable({ initiatives, view, onSort }: BacklogTableProps) {
  return (
    <div className="table-wrap">
      <table className="table backlog-table">
        <caption className="visually-hidden">
          Initiatives, sorted by {COLUMNS.find((c) => c.key === view.sort)?.label.toLowerCase()}{' '}
          {view.direction === 'asc' ? 'lowest' : 'highest'} first. Column buttons change the order.
        </caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Team</th>
            <th scope="col">Stage</th>
            {COLUMNS.map((c) => {
              const sorted = view.sort === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className="num"
                  aria-sort={sorted ? (view.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)} title={c.hint}>
                    {c.label}
                    <span className="sort-button__mark" aria-hidden="true">
                      {sorted ? (view.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {initiatives.map((i) => (
            <tr key={i.id} data-initiative-id={i.id}>
              <th scope="row" className="backlog-table__initiative">
                <Link to={`/backlog/${i.id}`} className="backlog-table__title">
                  {i.title}
                </Link>
                <span className="backlog-table__journey">{i.journeyName}</span>
                {i.figures.noTechnologyScope ? <NoTechnologyFlag /> : null}
              </th>
              <td>{i.teamName}</td>
              <td>
                <StageTag stage={i.stage} />
              </td>
              <td className="num">{formatPriority(i.figures.priority)}</td>
              <td className="num">{i.figures.annualValue === null ? 'Not known' : formatGbp(i.figures.annualValue)}</td>
              <td className="num">{i.figures.roi === null ? 'Not known' : formatRoi(i.figures.roi)}</td>
              <td className="num">{formatPayback(i.figures.paybackMonths, i.figures.annualValue, true)}</td>
              <td className="num">{formatGbp(totalCost(i.figures))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
