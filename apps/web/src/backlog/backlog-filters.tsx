import type { JourneySummary, Team } from '@throughline/domain';
import { useId } from 'react';
import { plural } from '../common/locale-format.ts';
import type { BacklogLayout, BacklogView } from './backlog-view.ts';
import { INITIATIVE_STAGES, stageLabel } from './stage-labels.ts';

interface BacklogFiltersProps {
  view: BacklogView;
  journeys: readonly JourneySummary[];
  teams: readonly Team[];
  shown: number;
  total: number;
  onChange: (patch: Partial<BacklogView>) => void;
}

/** Board or list, and the journey, team and stage to show; the count is announced as it changes. */
export function BacklogFilters({ view, journeys, teams, shown, total, onChange }: BacklogFiltersProps) {
  const id = useId();
  const layouts: { value: BacklogLayout; label: string }[] = [
    { value: 'board', label: 'Board' },
    { value: 'list', label: 'List' },
  ];
  return (
    <div className="backlog-filters">
      <div role="group" aria-label="Show the backlog as" className="view-switch">
        {layouts.map((l) => (
          <button
            key={l.value}
            type="button"
            className="view-switch__option"
            aria-pressed={view.layout === l.value}
            onClick={() => onChange({ layout: l.value })}
          >
            {l.label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Filter initiatives" className="backlog-filters__fields">
        <div className="backlog-filters__field">
          <label htmlFor={`${id}-journey`}>Journey</label>
          <select id={`${id}-journey`} className="inline-select" name="journey" value={view.journey} onChange={(e) => onChange({ journey: e.target.value })}>
            <option value="">All journeys</option>
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <div className="backlog-filters__field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select id={`${id}-team`} className="inline-select" name="team" value={view.team} onChange={(e) => onChange({ team: e.target.value })}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="backlog-filters__field">
          <label htmlFor={`${id}-stage`}>Stage</label>
          <select id={`${id}-stage`} className="inline-select" name="stage" value={view.stage} onChange={(e) => onChange({ stage: e.target.value as BacklogView['stage'] })}>
            <option value="">All stages</option>
            {INITIATIVE_STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="backlog-filters__count" aria-live="polite">
        Showing {plural(shown, 'initiative')}
        {shown !== total ? ` of ${total}` : ''}
      </p>
    </div>
  );
}
