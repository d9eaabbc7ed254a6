import type { Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { formatGbp } from '../common/locale-format.ts';
import { formatPriority } from './initiative-format.ts';
import { NoTechnologyFlag } from './no-technology-flag.tsx';

/** One initiative on the board: what it is, whose, how it ranks and what it is worth. */
export function InitiativeCard({ initiative: i }: { initiative: Initiative }) {
  const titleId = `initiative-${i.id}-title`;
  return (
    <li className="initiative-card" aria-labelledby={titleId} data-initiative-id={i.id}>
      <h3 id={titleId} className="initiative-card__title">
        <Link to={`/backlog/${i.id}`}>{i.title}</Link>
      </h3>
      <p className="initiative-card__meta">
        <span>{i.journeyName}</span>
        <span>{i.teamName}</span>
      </p>
      <dl className="initiative-card__figures">
        <div>
          <dt>Priority</dt>
          <dd>{formatPriority(i.figures.priority)}</dd>
        </div>
        <div>
          <dt>Value a year</dt>
          <dd>{i.figures.annualValue === null ? 'Not known' : formatGbp(i.figures.annualValue)}</dd>
        </div>
      </dl>
      <details className="initiative-card__why">
        <summary>
          {i.figures.priority === null ? 'Why no priority?' : `Why ${formatPriority(i.figures.priority)}?`}
          <span className="visually-hidden"> The priority of “{i.title}” explained</span>
        </summary>
        <p>{i.figures.priorityExplanation}</p>
      </details>
      {i.figures.noTechnologyScope ? <NoTechnologyFlag /> : null}
    </li>
  );
}
