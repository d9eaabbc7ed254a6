import type { Insight } from '@throughline/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../common/locale-format.ts';
import { hasMatches, headlineCuts } from './headline-parts.ts';
import { HighlightedHeadline } from './highlighted-headline.tsx';
import { confidenceLabel, kindLabel, sourceLabel } from './insight-labels.ts';

/** Names for the ids an insight links to, from lists loaded once for the page. */
export interface InsightLinkNames {
  journeys: ReadonlyMap<string, string>;
  failurePoints: ReadonlyMap<string, string>;
  initiatives: ReadonlyMap<string, string>;
}

interface InsightCardProps {
  insight: Insight;
  names: InsightLinkNames;
  /** Whether this card is the page's #insight-… target. */
  targeted: boolean;
  onEdit?: (insight: Insight) => void;
}

/** One finding or verbatim: what was learned, where from, how sure we are, and what rests on it. */
export function InsightCard({ insight, names, targeted, onEdit }: InsightCardProps) {
  const headingId = `insight-${insight.id}-title`;
  const cuts = hasMatches(insight.headline) ? headlineCuts(insight.body, insight.headline) : null;
  const text =
    cuts && insight.headline ? (
      <>
        <span className="visually-hidden">Matching passage: </span>
        {cuts.start ? '…' : ''}
        <HighlightedHeadline headline={insight.headline} />
        {cuts.end ? '…' : ''}
      </>
    ) : (
      insight.body
    );
  const links: { label: string; items: ReactNode[] }[] = [
    {
      label: 'Journeys',
      items: insight.journeyIds.map((id) => <Link to={`/journeys/${id}`}>{names.journeys.get(id) ?? 'A journey'}</Link>),
    },
    {
      label: 'Failure points',
      items: insight.failurePointIds.map((id) => (
        <Link to={`/insights/failure-points#fp-${id}`}>{names.failurePoints.get(id) ?? 'A failure point'}</Link>
      )),
    },
    {
      label: 'Initiatives',
      items: insight.initiativeIds.map((id) => <Link to={`/backlog/${id}`}>{names.initiatives.get(id) ?? 'An initiative'}</Link>),
    },
  ].filter((l) => l.items.length > 0);

  return (
    <li
      id={`insight-${insight.id}`}
      tabIndex={-1}
      className={`insight-card insight-card--${insight.kind}${targeted ? ' is-target' : ''}`}
      aria-labelledby={headingId}
    >
      <p className="insight-card__meta">
        <span className={`insight-kind insight-kind--${insight.kind}`}>{kindLabel(insight.kind)}</span>
        <span>{sourceLabel(insight.source)}</span>
        <span>
          <time dateTime={insight.observedOn}>{formatDate(insight.observedOn)}</time>
        </span>
        <span className={`insight-confidence insight-confidence--${insight.confidence}`}>
          <ConfidenceBars level={insight.confidence} />
          {confidenceLabel(insight.confidence)}
        </span>
      </p>
      <h3 id={headingId} className="insight-card__title">
        {insight.title}
      </h3>
      {insight.kind === 'verbatim' ? (
        <blockquote className="insight-card__quote">{text}</blockquote>
      ) : (
        <p className="insight-card__body">{text}</p>
      )}
      {insight.personas.length > 0 ? (
        <ul className="chips" aria-label="Personas">
          {insight.personas.map((p) => (
            <li key={p} className="chip chip--persona">
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      {links.length > 0 ? (
        <dl className="insight-card__links">
          {links.map((l) => (
            <div key={l.label}>
              <dt>{l.label}</dt>
              {l.items.map((item, i) => (
                <dd key={i}>{item}</dd>
              ))}
            </div>
          ))}
        </dl>
      ) : (
        <p className="insight-card__unlinked muted">Not linked to a journey, failure point or initiative yet.</p>
      )}
      {onEdit ? (
        <button type="button" className="button button--secondary insight-card__edit" onClick={() => onEdit(insight)}>
          Edit<span className="visually-hidden"> “{insight.title}”</span>
        </button>
      ) : null}
    </li>
  );
}

/** Three bars, as many filled as the confidence is high; the words beside them say it too. */
function ConfidenceBars({ level }: { level: Insight['confidence'] }) {
  const filled = level === 'high' ? 3 : level === 'medium' ? 2 : 1;
  return (
    <svg className="insight-confidence__bars" viewBox="0 0 14 12" aria-hidden="true" focusable="false">
      {[0, 1, 2].map((i) => (
        <rect key={i} x={i * 5} y={8 - i * 4} width="4" height={4 + i * 4} rx="1" className={i < filled ? 'is-filled' : undefined} />
      ))}
    </svg>
  );
}
