import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount } from '../common/locale-format.ts';
import { KpiChangeText } from './kpi-change-text.tsx';
import { formatKpiInterval, formatKpiValue, formatLatestPeriod, formatPeriod, kpiNumberParts } from './kpi-format.ts';
import { KpiRecomputeButton } from './kpi-recompute-button.tsx';
import { KpiScopeText, type ScopeNames } from './kpi-scope.tsx';
import { KpiSparkline } from './kpi-sparkline.tsx';
import { KpiStandingFlag, SmallSampleFlag } from './kpi-standing-flag.tsx';
import { kpiStanding } from './kpi-status.ts';
import { describeTrend } from './kpi-trend.ts';

interface KpiCardProps {
  kpi: KpiDefinition;
  /** Undefined while loading. */
  results: KpiResults | undefined;
  /** The values could not be loaded. */
  failed: boolean;
  teamName: string | null;
  names: ScopeNames;
  canRecompute: boolean;
}

/** One KPI's latest value with its interval, standing against target, trend and change. */
export function KpiCard({ kpi, results, failed, teamName, names, canRecompute }: KpiCardProps) {
  const latest = results?.series.at(-1);
  const standing = latest ? kpiStanding(kpi, latest.value) : null;
  const headingId = `kpi-card-${kpi.id}`;
  return (
    <li className={`kpi-card${standing ? ` kpi-card--${standing}` : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="kpi-card__title">
        <Link to={`/kpis/${kpi.id}`}>{kpi.name}</Link>
      </h3>
      <p className="kpi-card__meta">
        <code className="kpis-table__key">{kpi.key}</code> · <KpiScopeText scope={kpi.scope} names={names} />
        {teamName ? ` · ${teamName}` : ''}
      </p>
      {failed && !results ? (
        <p className="kpi-card__pending">The values could not be loaded. Open the KPI to try again.</p>
      ) : !results ? (
        <div className="skeleton" aria-hidden="true" />
      ) : !latest ? (
        <div className="kpi-card__pending">
          <p>Not computed yet. Values arrive on the KPI’s schedule.</p>
          {canRecompute ? <KpiRecomputeButton kpiId={kpi.id} kpiName={kpi.name} compact /> : null}
        </div>
      ) : (
        <>
          <p className="kpi-card__value">
            <KpiFigure kpi={kpi} value={latest.value} />
            <span className="kpi-card__period">{formatLatestPeriod(latest.periodStart, kpi.grain)}</span>
          </p>
          <p className="kpi-card__interval">
            {formatKpiInterval(kpi, latest.ciLow, latest.ciHigh) ? `95% CI ${formatKpiInterval(kpi, latest.ciLow, latest.ciHigh)} · ` : ''}n = {formatCount(latest.n)}
            {latest.smallSample ? (
              <>
                {' '}
                <SmallSampleFlag />
              </>
            ) : null}
          </p>
          <p className="kpi-card__standing">
            <KpiStandingFlag kpi={kpi} value={latest.value} />
            <span className="kpi-card__goal">
              {kpi.target !== null ? `Target ${formatKpiValue(kpi, kpi.target)}` : ''}
              {kpi.target !== null && kpi.threshold !== null ? ' · ' : ''}
              {kpi.threshold !== null ? `Warning at ${formatKpiValue(kpi, kpi.threshold)}` : ''}
            </span>
          </p>
          <KpiSparkline
            values={results.series}
            target={kpi.target}
            label={`${kpi.name} trend: ${describeTrend(
              results.series.map((p) => ({ label: formatPeriod(p.periodStart, kpi.grain), value: p.value })),
              (v) => formatKpiValue(kpi, v),
            )}`}
          />
          <p className="kpi-card__change">
            <KpiChangeText kpi={kpi} results={results} />
          </p>
        </>
      )}
    </li>
  );
}

/** The number large and its unit word ("hours", "per contact") smaller, so long units fit a card. */
function KpiFigure({ kpi, value }: { kpi: KpiDefinition; value: number }) {
  const { number, suffix } = kpiNumberParts(kpi, value);
  return (
    <span className="kpi-card__figure">
      {number}
      {suffix ? <span className="kpi-card__unit"> {suffix}</span> : null}
    </span>
  );
}
