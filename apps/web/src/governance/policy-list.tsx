import type { ChangeProposal, Policy, Team } from '@throughline/domain';
import { Link } from 'react-router';
import { plural } from '../common/locale-format.ts';
import { useHashTarget } from '../common/use-hash-target.ts';

interface PolicyListProps {
  policies: readonly Policy[];
  teams: readonly Team[];
  proposals: readonly ChangeProposal[];
  /** Offered when the signed-in person may propose changes: opens the form on this policy. */
  onPropose?: (policyId: string) => void;
}

/**
 * The organisation's policies, each with its own anchor (#policy-<id>) for other pages to link
 * to; the linked one is scrolled to, focused and highlighted.
 */
export function PolicyList({ policies, teams, proposals, onPropose }: PolicyListProps) {
  const target = useHashTarget(policies.length > 0);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return (
    <ul className="policy-list">
      {policies.map((policy) => {
        const open = proposals.filter((p) => p.policyId === policy.id && (p.state === 'proposed' || p.state === 'approved')).length;
        const id = `policy-${policy.id}`;
        const rightHolders = policy.decisionRightTeamIds.filter((t) => t !== policy.ownerTeamId);
        return (
          <li key={policy.id}>
            <article id={id} tabIndex={-1} className={target === id ? 'policy policy--target' : 'policy'} aria-labelledby={`${id}-name`}>
              <h3 id={`${id}-name`} className="policy__name">
                {policy.name}
              </h3>
              <p className="policy__statement">{policy.statement}</p>
              <dl className="policy__facts">
                <div>
                  <dt>Owner</dt>
                  <dd>
                    <Link to={`/teams/${policy.ownerTeamId}`}>{policy.ownerTeamName}</Link>
                  </dd>
                </div>
                <div>
                  <dt>Also may change it</dt>
                  <dd>
                    {rightHolders.length > 0 ? (
                      rightHolders.map((t) => teamName.get(t) ?? 'Unknown team').join(', ')
                    ) : (
                      <span className="muted">No other team</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Governs</dt>
                  <dd>
                    {policy.stepIds.length > 0 ? plural(policy.stepIds.length, 'step') : <span className="muted">No steps linked</span>}
                  </dd>
                </div>
                {open > 0 ? (
                  <div>
                    <dt>Open changes</dt>
                    <dd>{plural(open, 'proposal')}</dd>
                  </div>
                ) : null}
              </dl>
              {onPropose ? (
                <button type="button" className="button button--secondary policy__propose" onClick={() => onPropose(policy.id)}>
                  Propose a change<span className="visually-hidden"> to “{policy.name}”</span>
                </button>
              ) : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
