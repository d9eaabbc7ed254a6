import { describeSchedule, isSampled, sampleNoun, type KpiDefinition, type Team } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { Link } from 'react-router';
import { WarningIcon } from '../common/warning-icon.tsx';
import { directionLabel, grainLabel, kindLabel, kpiValue } from './kpi-labels.ts';
import { KpiScopeText, type ScopeNames } from './kpi-scope.tsx';

interface KpisTableProps {
  kpis: KpiDefinition[];
  teams: Team[];
  names: ScopeNames;
  /** The anchor the page was opened at, e.g. `kpi-<id>` from a health finding. */
  target: string | null;
  canEdit: (kpi: KpiDefinition) => boolean;
  onEdit: (kpi: KpiDefinition) => void;
}

/** One row per KPI definition; `#kpi-<id>` lands on its row. Gaps are flagged in words. */
export function KpisTable({ kpis, teams, names, target, canEdit, onEdit }: KpisTableProps) {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const anyEditable = kpis.some(canEdit);
  return (
    <div className="table-wrap">
      <table className="table kpis-table">
        <caption className="visually-hidden">KPI definitions with their scope, owner team, target, minimum sample and schedule</caption>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Scope</th>
            <th scope="col">Owner team</th>
            <th scope="col">Direction</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Warning at
            </th>
            <th scope="col">Period, minimum sample and schedule</th>
            {anyEditable ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => (
            <tr key={kpi.id} id={`kpi-${kpi.id}`} tabIndex={-1} className={target === `kpi-${kpi.id}` ? 'is-target' : undefined}>
              <th scope="row" className="kpis-table__kpi">
                <span className="kpis-table__name">{kpi.name}</span>
                <span className="kpis-table__meta">
                  <code className="kpis-table__key">{kpi.key}</code> · {kindLabel(kpi.kind)}
                  {kpi.unit && kpi.unit !== kindLabel(kpi.kind) ? `, ${kpi.unit}` : ''}
                </span>
              </th>
              <td className="kpis-table__scope">
                <KpiScopeText scope={kpi.scope} names={names} />
              </td>
              <td>
                {kpi.ownerTeamId ? (
                  <Link to={`/teams/${kpi.ownerTeamId}`}>{teamName.get(kpi.ownerTeamId) ?? 'Owner team'}</Link>
                ) : (
                  <Gap>No owner</Gap>
                )}
              </td>
              <td className="kpis-table__direction">
                <span aria-hidden="true">{kpi.direction === 'higher_is_better' ? '↑ ' : '↓ '}</span>
                {directionLabel(kpi.direction)}
              </td>
              <td className="num">{kpi.target === null ? <Gap>No target</Gap> : kpiValue(kpi.target, kpi.unit)}</td>
              <td className="num">{kpi.threshold === null ? <span className="muted">None</span> : kpiValue(kpi.threshold, kpi.unit)}</td>
              <td>
                {grainLabel(kpi.grain)}
                {isSampled(kpi.kind) ? `, judged from ${formatCount(kpi.minSample)} ${sampleNoun(kpi)}` : ''}
                <span className="kpis-table__cron">Recomputed {describeSchedule(kpi.schedule)}</span>
              </td>
              {anyEditable ? (
                <td className="table__actions">
                  {canEdit(kpi) ? (
                    <button type="button" className="button button--secondary kpis-table__edit" onClick={() => onEdit(kpi)}>
                      Edit<span className="visually-hidden"> owner and target of {kpi.name}</span>
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Gap({ children }: { children: string }) {
  return (
    <span className="flag flag--warning">
      <WarningIcon />
      <span>{children}</span>
    </span>
  );
}
