import type { FailurePoint } from '@throughline/domain';
import { Link } from 'react-router';
import { formatGbp, plural } from '../common/locale-format.ts';
import { FailurePointEvidence } from './failure-point-evidence.tsx';
import { costFactors, gapText } from './failure-point-format.ts';

interface FailurePointCardProps {
  point: FailurePoint;
  rank: number;
  kpiNames: ReadonlyMap<string, string>;
  targeted: boolean;
  canAddEvidence: boolean;
  onEdit?: (point: FailurePoint) => void;
}

/** One failure point: where it happens, how its cost comes about, what it moves, and the evidence for it. */
export function FailurePointCard({ point, rank, kpiNames, targeted, canAddEvidence, onEdit }: FailurePointCardProps) {
  const headingId = `fp-${point.id}-title`;
  return (
    <li id={`fp-${point.id}`} tabIndex={-1} className={targeted ? 'fp-card is-target' : 'fp-card'} aria-labelledby={headingId}>
      <p className="fp-card__rank" aria-hidden="true">
        {rank}
      </p>
      <div className="fp-card__main">
        <h3 id={headingId} className="fp-card__title">
          <span className="visually-hidden">Rank {rank}: </span>
          {point.title}
        </h3>
        <p className="fp-card__where">
          {point.stepName} · <Link to={`/journeys/${point.journeyId}`}>{point.journeyName}</Link>
        </p>
        {point.description ? <p className="fp-card__description">{point.description}</p> : null}
        <dl className="fp-card__facts">
          <div>
            <dt>Annual cost</dt>
            <dd>
              <strong>{formatGbp(point.annualCost)}</strong> <span className="muted">({costFactors(point)})</span>
            </dd>
          </div>
          <div>
            <dt>Expectation vs capability</dt>
            <dd>{gapText(point)}</dd>
          </div>
          <div>
            <dt>KPIs it moves</dt>
            <dd>
              {point.kpiIds.length === 0
                ? 'None linked'
                : point.kpiIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/kpis/${id}`}>{kpiNames.get(id) ?? 'A KPI'}</Link>
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
        <h4 className="fp-card__subtitle">Evidence{point.evidenceCount > 0 ? `: ${plural(point.evidenceCount, 'insight')}` : ''}</h4>
        <FailurePointEvidence point={point} canAdd={canAddEvidence} />
      </div>
      {onEdit ? (
        <button type="button" className="button button--secondary fp-card__edit" onClick={() => onEdit(point)}>
          Edit<span className="visually-hidden"> “{point.title}”</span>
        </button>
      ) : null}
    </li>
  );
}
