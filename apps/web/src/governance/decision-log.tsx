import { Link } from 'react-router';
import type { ChangeProposal, Decision } from '@throughline/domain';
import { formatDateTime } from '../common/locale-format.ts';
import { outcomeLabel, outcomeTone } from './proposal-labels.ts';

interface DecisionLogProps {
  decisions: readonly Decision[];
  /** To name the team behind a team decision; the log itself records only the body. */
  proposals: readonly ChangeProposal[];
}

/** Every decision taken, newest first: what, the outcome, who and for which body, why, when. */
export function DecisionLog({ decisions, proposals }: DecisionLogProps) {
  const proposalById = new Map(proposals.map((p) => [p.id, p]));
  // The API returns newest first already; sorting again keeps that true whatever it returns.
  const newestFirst = [...decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <div className="table-wrap">
      <table className="table decision-log">
        <caption className="visually-hidden">Decisions, newest first, with who decided and why</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Decision</th>
            <th scope="col">Outcome</th>
            <th scope="col">Decided by</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((d) => {
            const team = d.subjectType === 'change_proposal' ? proposalById.get(d.subjectId)?.teamName : undefined;
            return (
              <tr key={d.id}>
                <td className="nowrap">
                  <time dateTime={d.decidedAt}>{formatDateTime(d.decidedAt)}</time>
                </td>
                <th scope="row" className="decision-log__summary">
                  {d.subjectType === 'initiative' ? <Link to={`/backlog/${d.subjectId}`}>{d.summary}</Link> : d.summary}
                </th>
                <td>
                  <span className={`status-pill state-tag state-tag--${outcomeTone(d.outcome)}`}>{outcomeLabel(d.outcome)}</span>
                </td>
                <td>
                  <span className="decision-log__who">{d.decidedBy}</span>
                  <span className="decision-log__body">
                    {d.decidedByBody === 'council' ? 'for the CX council' : `for ${team ?? 'the team'}`}
                  </span>
                </td>
                <td className="decision-log__reason">{d.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
