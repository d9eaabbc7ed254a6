import type { AcidTestEntry } from '@throughline/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatGbp } from '../common/locale-format.ts';
import { sourceLabel } from '../insights/insight-labels.ts';
import { MovementBadge } from './movement-badge.tsx';

interface Link_ {
  label: string;
  /** What this link of the chain holds; empty shows `missing`. */
  items: ReactNode[];
  missing: string;
}

/** From what was learned to what moved: insight → failure point → initiative → change → measured movement. */
export function AcidTestChain({ entry }: { entry: AcidTestEntry }) {
  const links: Link_[] = [
    {
      label: 'Insight',
      items: entry.insights.map((i) => (
        <>
          <Link to={`/insights#insight-${i.id}`}>{i.title}</Link>
          <span className="acid-chain__detail">
            {sourceLabel(i.source)}, {formatDate(i.observedOn)}
          </span>
        </>
      )),
      missing: 'No insight linked: nothing recorded says why this was worth doing.',
    },
    {
      label: 'Failure point',
      items: entry.failurePoints.map((f) => (
        <>
          <Link to={`/insights/failure-points#fp-${f.id}`}>{f.title}</Link>
          <span className="acid-chain__detail">
            {f.stepName} · {formatGbp(f.annualCost)} a year
          </span>
        </>
      )),
      missing: 'No failure point linked.',
    },
    {
      label: 'Initiative',
      items: [
        <>
          <Link to={`/backlog/${entry.initiativeId}`}>{entry.title}</Link>
          <span className="acid-chain__detail">{entry.teamName}</span>
        </>,
      ],
      missing: '',
    },
    {
      label: 'Change',
      items: entry.change.summary
        ? [
            <>
              {entry.change.summary}
              <span className="acid-chain__detail">
                Live {formatDate(entry.implementedOn)}
                {entry.change.proposalTitle ? ` · policy change “${entry.change.proposalTitle}”` : ''}
              </span>
            </>,
          ]
        : [],
      missing: 'What changed in operations was not recorded.',
    },
    {
      label: 'Measured movement',
      items: entry.kpis.map((k) => (
        <>
          <span className="acid-chain__kpi">{k.kpiName}</span>
          <MovementBadge movement={k.movement} />
        </>
      )),
      missing: 'No targeted KPI to measure.',
    },
  ];

  return (
    <ol className="acid-chain" aria-label={`From insight to measured movement for ${entry.title}`}>
      {links.map((link) => (
        <li key={link.label} className={link.items.length === 0 ? 'acid-chain__link acid-chain__link--missing' : 'acid-chain__link'}>
          <span className="acid-chain__label">{link.label}</span>
          {link.items.length === 0 ? (
            <p className="acid-chain__missing">{link.missing}</p>
          ) : (
            <ul className="acid-chain__items">
              {link.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
