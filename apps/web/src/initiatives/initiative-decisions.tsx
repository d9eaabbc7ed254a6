import { useQuery } from '@tanstack/react-query';
import type { Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDateTime } from '../common/locale-format.ts';
import { trpc } from '../trpc.ts';

/** The funding decisions taken on this initiative, as the governance decision log records them. */
export function InitiativeDecisions({ initiative: i }: { initiative: Initiative }) {
  const decisions = useQuery(trpc.proposal.decisions.queryOptions({ limit: 200 }));
  const mine = (decisions.data ?? []).filter((d) => d.subjectType === 'initiative' && d.subjectId === i.id);
  return (
    <section id="decisions" aria-labelledby="decisions-heading" className="section">
      <div className="section__header">
        <h2 id="decisions-heading" className="section__title">
          Decisions
        </h2>
        <Link to="/governance#decisions" className="section__link">
          Governance decision log
        </Link>
      </div>
      {decisions.isPending ? null : mine.length === 0 ? (
        <p className="muted">
          No decisions yet. Its funding decision will be recorded here and in the governance decision log, with who decided and why.
        </p>
      ) : (
        <ul className="initiative-decisions">
          {mine.map((d) => (
            <li key={d.id} className="initiative-decision">
              <p>
                <span className={`initiative-decision__outcome initiative-decision__outcome--${d.outcome === 'funded' ? 'yes' : 'no'}`}>
                  {d.outcome === 'funded' ? '✓ Funded' : '✕ Funding refused'}
                </span>{' '}
                by {d.decidedBy} for {d.decidedByBody === 'council' ? 'the CX council' : i.teamName},{' '}
                <time dateTime={d.decidedAt}>{formatDateTime(d.decidedAt)}</time>
              </p>
              <p className="initiative-decision__reason">“{d.reason}”</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
