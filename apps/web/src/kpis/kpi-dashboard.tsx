import { useQuery } from '@tanstack/react-query';
import type { KpiCardResults, KpiDefinition, PeriodParams, Team } from '@throughline/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { FilterSelect } from '../common/filter-select.tsx';
import { plural } from '../common/locale-format.ts';
import { PeriodPicker } from '../period/period-picker.tsx';
import { usePeriodParams } from '../period/use-period-params.ts';
import { trpc } from '../trpc.ts';
import { KpiCard } from './kpi-card.tsx';
import { RESULTS_POLL_MS } from './kpi-results-poll.ts';
import { ANY, matchesKpiFilter, NO_TEAM, ORGANISATION } from './kpi-filter.ts';
import type { ScopeNames } from './kpi-scope.tsx';
import './kpi-dashboard.css';

/** The periods a card's sparkline covers. */
const SPARK_PERIODS = 12;

/** Every card in one call (the server reads all KPIs' figures in a few statements). */
export function kpiCardsQuery(period: PeriodParams) {
  return trpc.kpi.dashboard.queryOptions({ periods: SPARK_PERIODS, ...period });
}

interface KpiDashboardProps {
  kpis: KpiDefinition[];
  teams: Team[];
  names: ScopeNames;
  canEdit: (kpi: KpiDefinition) => boolean;
}

/**
 * Every KPI's headline as a card, for the chosen period (by default each KPI's last complete
 * one), filtered by journey and owner team; all three kept in the address. The cards refresh
 * themselves while the page is in view, so new results show without a reload.
 */
export function KpiDashboard({ kpis, teams, names, canEdit }: KpiDashboardProps) {
  const [params, setParams] = useSearchParams();
  // Local state drives the view: the router applies a search change in a transition, so two quick
  // changes would otherwise build on a stale address. The address is kept in step for sharing.
  const [filter, setFilterState] = useState(() => ({ journey: params.get('journey') ?? ANY, team: params.get('team') ?? ANY }));
  const { journey, team } = filter;
  const [period, setPeriod] = usePeriodParams();
  // Polled while in view.
  const cards = useQuery({
    ...kpiCardsQuery(period),
    refetchInterval: RESULTS_POLL_MS,
    placeholderData: (previous: KpiCardResults[] | undefined) => previous,
  });
  const byId = new Map((cards.data ?? []).map((c) => [c.kpiId, c]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const shown = kpis.filter((k) => matchesKpiFilter(k, journey, team));
  const noneComputed = cards.data !== undefined && cards.data.every((c) => c.series.length === 0 && c.headline.value === null);
  const today = cards.data?.[0]?.today;

  const setFilter = (name: 'journey' | 'team', value: string) => {
    const next = { ...filter, [name]: value };
    setFilterState(next);
    setParams(
      (prev) => {
        const address = new URLSearchParams(prev);
        for (const [key, v] of Object.entries(next)) {
          if (v === ANY) address.delete(key);
          else address.set(key, v);
        }
        return address;
      },
      { replace: true },
    );
  };

  return (
    <>
      <div className="kpi-period">
        <PeriodPicker value={period} onChange={setPeriod} today={today} />
        <p className="kpi-period__note">
          {period.from && period.to
            ? 'Each card sums the days chosen, by the same formulas as a period.'
            : period.period
              ? 'Each card shows its own period (month, week or quarter) holding that day.'
              : 'Each card leads with its last complete period; the period still running is shown beside it, to date.'}
        </p>
      </div>
      <div className="filter-bar kpi-filters" role="group" aria-label="Filter KPIs">
        <FilterSelect
          label="Journey"
          name="journey"
          value={journey}
          any="All journeys"
          options={[
            { value: ORGANISATION, label: 'Whole organisation' },
            ...[...names.journeys].map(([id, name]) => ({ value: id, label: name })),
          ]}
          onChange={(v) => setFilter('journey', v)}
        />
        <FilterSelect
          label="Owner team"
          name="team"
          value={team}
          any="All teams"
          options={[{ value: NO_TEAM, label: 'No owner team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
          onChange={(v) => setFilter('team', v)}
        />
        <p className="filter-bar__count" aria-live="polite">
          Showing {plural(shown.length, 'KPI')} of {kpis.length}
        </p>
      </div>
      {noneComputed ? (
        <div className="kpi-dashboard__empty">
          <EmptyState title="No measured values yet" headingLevel={3}>
            <p>
              Each KPI is computed on its own schedule from the events it counts; the first values usually arrive within a minute of start.
            </p>
            {kpis.some(canEdit) ? (
              <p>To see a KPI now, use “Recompute now” on its card.</p>
            ) : (
              <p>This page refreshes itself while it waits.</p>
            )}
          </EmptyState>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p className="kpi-filters__none">No KPI matches this journey and owner team.</p>
      ) : (
        <ul className="kpi-cards">
          {shown.map((k) => (
            <KpiCard
              key={k.id}
              kpi={k}
              results={byId.get(k.id)}
              failed={cards.isError}
              teamName={k.ownerTeamId ? (teamName.get(k.ownerTeamId) ?? null) : null}
              names={names}
              canRecompute={canEdit(k)}
            />
          ))}
        </ul>
      )}
    </>
  );
}
