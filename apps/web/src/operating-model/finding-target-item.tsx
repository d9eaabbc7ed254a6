import { useId, useState } from 'react';
import { Link } from 'react-router';
import { plural } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import type { FindingTarget } from './finding-groups.ts';
import { findingHref, findingLinkLabel } from './finding-link.ts';

/** Beyond this many findings in one place, the rest wait behind a button. */
const SHOWN = 4;

interface FindingTargetItemProps {
  target: FindingTarget;
  /** The name of the journey or team it is fixed on, when known. */
  name: string | undefined;
}

/**
 * The findings fixed in one place, with one link there. A single finding reads as one line;
 * many (46 dependencies on three journeys) are gathered under the journey's name.
 */
export function FindingTargetItem({ target, name }: FindingTargetItemProps) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const { fixAt, messages } = target;
  const link = (
    // The message (or the place's name) describes the link, so it is not heard on its own.
    <Link to={findingHref(fixAt)} className="finding__link" aria-describedby={id}>
      {findingLinkLabel(fixAt)}
      <span aria-hidden="true"> →</span>
    </Link>
  );

  if (messages.length === 1) {
    return (
      <li className="finding">
        <WarningIcon />
        <p id={id} className="finding__message">
          {messages[0]}
        </p>
        {link}
      </li>
    );
  }

  const shown = expanded ? messages : messages.slice(0, SHOWN);
  return (
    <li className="finding finding--many">
      <WarningIcon />
      <h3 id={id} className="finding__place">
        {name ?? 'One place'} <span className="finding__place-count">· {plural(messages.length, 'finding')}</span>
      </h3>
      {link}
      <ul id={`${id}-list`} className="finding__messages">
        {shown.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
      {messages.length > SHOWN ? (
        <button
          type="button"
          className="finding__more"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${messages.length}`}
        </button>
      ) : null}
    </li>
  );
}
