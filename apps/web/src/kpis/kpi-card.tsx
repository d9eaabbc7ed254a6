import { isJudged, type KpiDefinition, type KpiResults } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount } from '../common/locale-format.ts';
import { KpiChangeText } from './kpi-change-text.tsx';
import { formatKpiInterval, formatKpiValue, kpiNumberParts } from './kpi-format.ts';
import { KpiRecomputeButton } from './kpi-recompute-button.tsx';
import { KpiScopeText, type ScopeNames } from './kpi-scope.tsx';
import { KpiSparkline } from './kpi-sparkline.tsx';
import { KpiStatusFlag } from './kpi-status-flag.tsx';
import { headlineLabel, toDateText } from './kpi-to-date.ts';
import { describeTrend } from './kpi-trend.ts';

interface KpiCardProps {
  kpi: KpiDefinition;
  /** Undefined while loading. */
  results: Omit<KpiResults, 'segments'> | undefined;
  /** The values could not be loaded. */
  failed: boolean;
  teamName: string | null;
  names: ScopeNames;
  canRecompute: boolean;
}

/**
 * One KPI's headline (the selected window, by default its last complete period) with its
 * interval, status, trend and change; the running period beside it as "to date".
 */
export function KpiCard({ kpi, results, failed, teamName, names, canRecompute }: KpiCardProps) {
  const headline = results?.headline;
  const value = headline?.value ?? null;
  const computed = results !== undefined && (results.series.length > 0 || value !== null);
  // Only a judgement colours the card; too few answers, no target or no data leave it plain.
  const judged = headline && isJudged(headline.status) ? ` kpi-card--${headline.status}` : '';
  const headingId = `kpi-card-${kpi.id}`;
  const interval = value ? formatKpiInterval(kpi, value.ciLow, value.ciHigh) : null;
  const complete = results?.series.filter((p) => p.complete) ?? [];
  return (
    <li className={`kpi-card${judged}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="kpi-card__title">
        <Link to={`/kpis/${kpi.id}`}>{kpi.name}</Link>
      </h3>
      <p className="kpi-card__meta">
        <code className="kpis-table__key">{kpi.key}</code> · <KpiScopeText scope={kpi.scope} names={names} />
        {teamName ? ` · ${teamName}` : ''}
      </p>
      {failed && !results ? (
        <p className="kpi-card__pending">The values could not be loaded. Open the KPI to try again.</p>
      ) : !results || !headline ? (
        <div className="skeleton" aria-hidden="true" />
      ) : !computed ? (
        <div className="kpi-card__pending">
          <p>Not computed yet. Values arrive on the KPI’s schedule.</p>
          {canRecompute ? <KpiRecomputeButton kpiId={kpi.id} kpiName={kpi.name} compact /> : null}
        </div>
      ) : (
        <>
          <p className="kpi-card__value">
            {value ? (
              <KpiFigure kpi={kpi} value={value.value} />
            ) : (
              <span className="kpi-card__figure kpi-card__figure--none">No answers</span>
            )}
            <span className="kpi-card__period">{headlineLabel(headline)}</span>
          </p>
          {value ? (
            <p className="kpi-card__interval">
              {interval ? `95% CI ${interval} · ` : ''}n = {formatCount(value.n)}
            </p>
          ) : null}
          <p className="kpi-card__standing">
            <KpiStatusFlag status={headline.status} label={headline.statusLabel} />
            <span className="kpi-card__goal">
              {kpi.target !== null ? `Target ${formatKpiValue(kpi, kpi.target)}` : ''}
              {kpi.target !== null && kpi.threshold !== null ? ' · ' : ''}
              {kpi.threshold !== null ? `Warning at ${formatKpiValue(kpi, kpi.threshold)}` : ''}
            </span>
          </p>
          {results.toDate ? <p className="kpi-card__to-date">{toDateText(kpi, results.toDate)}</p> : null}
          {complete.length > 0 ? (
            <KpiSparkline
              points={complete}
              target={kpi.target}
              label={`${kpi.name} trend over complete periods: ${describeTrend(
                complete.map((p) => ({ label: p.label, value: p.value })),
                (v) => formatKpiValue(kpi, v),
              )}`}
            />
          ) : null}
          <p className="kpi-card__change">
            <KpiChangeText results={results} />
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
