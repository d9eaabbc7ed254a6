import type { ChangeProposal, Policy, ProposalState, Team } from '@throughline/domain';
import { useId } from 'react';
import { formatCount } from '../common/locale-format.ts';
import type { OnProposalMoved } from './proposal-actions.tsx';
import { ProposalCard } from './proposal-card.tsx';
import { groupTitle, STATE_ORDER, stateLabel } from './proposal-labels.ts';
import '../common/segmented.css';

export type ProposalFilter = 'all' | ProposalState;

interface ProposalListProps {
  proposals: readonly ChangeProposal[];
  policies: readonly Policy[];
  teams: readonly Team[];
  filter: ProposalFilter;
  onFilterChange: (filter: ProposalFilter) => void;
  onMoved: OnProposalMoved;
}

/** Proposals grouped by state, awaiting decision first, with a filter to show one state. */
export function ProposalList({ proposals, policies, teams, filter, onFilterChange, onMoved }: ProposalListProps) {
  const byState = new Map<ProposalState, ChangeProposal[]>(STATE_ORDER.map((s) => [s, []]));
  for (const p of proposals) byState.get(p.state)?.push(p);
  const states = filter === 'all' ? STATE_ORDER.filter((s) => (byState.get(s)?.length ?? 0) > 0) : [filter];
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const teamById = new Map(teams.map((t) => [t.id, t]));

  return (
    <>
      <StateFilter
        filter={filter}
        onChange={onFilterChange}
        counts={(s) => (s === 'all' ? proposals.length : (byState.get(s)?.length ?? 0))}
      />
      {states.map((state) => {
        const list = byState.get(state) ?? [];
        return (
          <section key={state} className="proposal-group" aria-labelledby={`proposals-${state}`}>
            <h3 id={`proposals-${state}`} className="proposal-group__title">
              {groupTitle(state)} <span className="proposal-group__count">({formatCount(list.length)})</span>
            </h3>
            {list.length === 0 ? (
              <p className="muted">No proposals are {stateLabel(state).toLowerCase()} right now.</p>
            ) : (
              <ul className="proposal-group__list">
                {list.map((p) => (
                  <li key={p.id}>
                    <ProposalCard proposal={p} policy={policyById.get(p.policyId)} team={teamById.get(p.teamId)} onMoved={onMoved} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

interface StateFilterProps {
  filter: ProposalFilter;
  onChange: (filter: ProposalFilter) => void;
  counts: (filter: ProposalFilter) => number;
}

/** Radio buttons styled as a segmented control: arrow keys move between them, as people expect. */
function StateFilter({ filter, onChange, counts }: StateFilterProps) {
  const name = useId();
  const options: ProposalFilter[] = ['all', ...STATE_ORDER];
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Show proposals</legend>
      {options.map((option) => (
        <label key={option} className="segmented__option">
          <input type="radio" name={name} value={option} checked={filter === option} onChange={() => onChange(option)} />
          <span>
            {option === 'all' ? 'All' : stateLabel(option)} <span className="segmented__count">{formatCount(counts(option))}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
