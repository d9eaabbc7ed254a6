import { ACID_TEST_WINDOW_DAYS, type AcidTestEntry } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDate } from '../common/locale-format.ts';
import { AcidTestChain } from './acid-test-chain.tsx';
import { AcidTestKpiResult } from './acid-test-kpi.tsx';
import { MovementBadge } from './movement-badge.tsx';
import type { KpiUnit } from './use-kpi-units.ts';

interface AcidTestEntryProps {
  entry: AcidTestEntry;
  units: (kpiId: string, unit: string) => KpiUnit;
  targeted: boolean;
}

/** One implemented initiative: its verdict, the chain that led to it, and each targeted KPI before vs after. */
export function AcidTestEntryCard({ entry, units, targeted }: AcidTestEntryProps) {
  const headingId = `acid-${entry.initiativeId}-title`;
  return (
    <article
      id={`acid-${entry.initiativeId}`}
      tabIndex={-1}
      className={`acid-entry acid-entry--${entry.verdict}${targeted ? ' is-target' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="acid-entry__header">
        <div>
          <h2 id={headingId} className="acid-entry__title">
            <Link to={`/backlog/${entry.initiativeId}`}>{entry.title}</Link>
          </h2>
          <p className="acid-entry__meta">
            {entry.journeyName} · {entry.teamName} · implemented {formatDate(entry.implementedOn)}
            {entry.stage === 'measured' ? ' · measured' : ''}
          </p>
        </div>
        <p className="acid-entry__verdict">
          <span className="visually-hidden">Verdict: </span>
          <MovementBadge movement={entry.verdict} size="large" />
        </p>
      </header>
      <AcidTestChain entry={entry} />
      <h3 className="acid-entry__subtitle">
        What each targeted KPI did in the {ACID_TEST_WINDOW_DAYS} days after going live, against what would have happened without the change
      </h3>
      {entry.kpis.length === 0 ? (
        <p className="muted">This initiative targets no KPI, so nothing could be measured. Give it a KPI or an outcome on the backlog.</p>
      ) : (
        <div className="acid-entry__kpis">
          {entry.kpis.map((k) => (
            <AcidTestKpiResult key={k.kpiId} result={k} unit={units(k.kpiId, k.unit)} />
          ))}
        </div>
      )}
    </article>
  );
}
