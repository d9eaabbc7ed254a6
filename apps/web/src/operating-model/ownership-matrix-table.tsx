import { Link } from 'react-router';
import { plural } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import type { OwnershipCell, OwnershipRow } from './ownership-matrix.ts';
import './ownership.css';

interface OwnershipMatrixTableProps {
  rows: OwnershipRow[];
  teams: { id: string; name: string }[];
  /** Step names by id, to say which steps a contributor covers; counts are shown until they load. */
  stepNames: ReadonlyMap<string, string>;
  /** Offered to those who may change remits; the server checks again. */
  onEdit?: (row: OwnershipRow, cell: OwnershipCell) => void;
}

/**
 * Journeys (rows) × teams (columns). Each cell says in words what the team holds, so the
 * table reads the same to a screen reader moving cell by cell as it looks.
 */
export function OwnershipMatrixTable({ rows, teams, stepNames, onEdit }: OwnershipMatrixTableProps) {
  return (
    <div className="table-wrap">
      <table className="table ownership-matrix">
        <caption className="visually-hidden">Which team is accountable for each journey and which contribute to it</caption>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            {teams.map((team) => (
              <th key={team.id} scope="col" className="ownership-matrix__team">
                <Link to={`/teams/${team.id}`}>{team.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.journey.id} className={row.accountable ? undefined : 'ownership-matrix__row--gap'}>
              <th scope="row" className="ownership-matrix__journey">
                <Link to={`/journeys/${row.journey.id}`} className="ownership-matrix__journey-link">
                  {row.journey.name}
                </Link>
                {row.accountable ? null : (
                  <span className="flag flag--warning">
                    <WarningIcon />
                    <span>Gap: no accountable team</span>
                  </span>
                )}
                {row.overlapStepIds.length > 0 ? (
                  <span className="flag flag--warning">
                    <WarningIcon />
                    <span>Overlap: {plural(row.overlapStepIds.length, 'step')} claimed twice</span>
                  </span>
                ) : null}
              </th>
              {row.cells.map((cell) => (
                <td key={cell.team.id} className={cellClass(cell)}>
                  <CellContent cell={cell} stepNames={stepNames} editable={onEdit !== undefined} />
                  {onEdit ? (
                    <button type="button" className="button button--secondary ownership-matrix__edit" onClick={() => onEdit(row, cell)}>
                      {cell.remit ? 'Change' : 'Assign'}
                      <span className="visually-hidden">
                        {' '}
                        {cell.team.name} on {row.journey.name}
                      </span>
                    </button>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(cell: OwnershipCell): string {
  const role = cell.remit?.role ?? 'none';
  return `ownership-matrix__cell ownership-matrix__cell--${role}${cell.overlapStepIds.length > 0 ? ' ownership-matrix__cell--overlap' : ''}`;
}

function CellContent({ cell, stepNames, editable }: { cell: OwnershipCell; stepNames: ReadonlyMap<string, string>; editable: boolean }) {
  if (!cell.remit) {
    // Beside an Assign button the dash is noise; read-only, it shows the cell is empty on purpose.
    return (
      <span className="remit-role remit-role--none">
        {editable ? null : <span aria-hidden="true">—</span>}
        <span className="visually-hidden">No remit</span>
      </span>
    );
  }
  if (cell.remit.role === 'accountable') return <span className="remit-role remit-role--accountable">Accountable</span>;
  const { stepIds } = cell.remit;
  return (
    <>
      <span className="remit-role remit-role--contributing">Contributes</span>
      <span className="remit-scope" title={stepIds.map((s) => stepNames.get(s) ?? '').join(', ') || undefined}>
        {stepIds.length === 0 ? 'whole journey' : plural(stepIds.length, 'step')}
      </span>
      {cell.overlapStepIds.length > 0 ? (
        <span className="flag flag--warning remit-overlap">
          <WarningIcon />
          <span>Overlap: {namesOf(cell.overlapStepIds, stepNames)}</span>
        </span>
      ) : null}
    </>
  );
}

/** “Report by phone”, or “2 steps” while the names are still loading. */
export function namesOf(stepIds: readonly string[], stepNames: ReadonlyMap<string, string>): string {
  const names = stepIds.map((s) => stepNames.get(s));
  if (names.some((n) => n === undefined)) return plural(stepIds.length, 'step');
  return names.map((n) => `“${n}”`).join(', ');
}
