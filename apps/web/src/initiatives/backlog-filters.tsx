import type { JourneySummary, Team } from '@throughline/domain';
import { FilterSelect } from '../common/filter-select.tsx';
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
      <div role="group" aria-label="Filter initiatives" className="filter-bar">
        <FilterSelect
          label="Journey"
          name="journey"
          value={view.journey}
          any="All journeys"
          options={journeys.map((j) => ({ value: j.id, label: j.name }))}
          onChange={(v) => onChange({ journey: v })}
        />
        <FilterSelect
          label="Team"
          name="team"
          value={view.team}
          any="All teams"
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          onChange={(v) => onChange({ team: v })}
        />
        <FilterSelect
          label="Stage"
          name="stage"
          value={view.stage}
          any="All stages"
          options={INITIATIVE_STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
          onChange={(v) => onChange({ stage: v as BacklogView['stage'] })}
        />
      </div>
      <p className="filter-bar__count" aria-live="polite">
        Showing {plural(shown, 'initiative')}
        {shown !== total ? ` of ${total}` : ''}
      </p>
    </div>
  );
}
