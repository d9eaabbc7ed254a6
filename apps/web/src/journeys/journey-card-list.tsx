import type { JourneySummary } from '@throughline/domain';
import { Link } from 'react-router';
import { plural } from '../common/locale-format.ts';
import { OwnerBadge } from './owner-badge.tsx';
import './journey-card.css';

interface JourneyCardListProps {
  journeys: JourneySummary[];
  headingLevel: 2 | 3;
}

/** Journeys as cards: owner, personas, size, and a link to the blueprint. */
export function JourneyCardList({ journeys, headingLevel }: JourneyCardListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="journey-cards">
      {journeys.map((journey) => (
        <li key={journey.id} className="journey-card">
          <Heading className="journey-card__title">
            <Link to={`/journeys/${journey.id}`} className="journey-card__link">
              {journey.name}
            </Link>
          </Heading>
          {journey.description ? <p className="journey-card__description">{journey.description}</p> : null}
          <OwnerBadge teamName={journey.accountableTeamName} />
          {journey.personas.length > 0 ? (
            <ul className="chips" aria-label="Personas">
              {journey.personas.map((p) => (
                <li key={p} className="chip chip--persona">
                  {p}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="journey-card__meta">
            {plural(journey.stageCount, 'stage')} · {plural(journey.stepCount, 'step')}
          </p>
        </li>
      ))}
    </ul>
  );
}
