import { useQuery } from '@tanstack/react-query';
import { INSIGHT_SOURCES, type Insight } from '@throughline/domain';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { useHashTarget } from '../common/use-hash-target.ts';
import { trpc } from '../trpc.ts';
import { InsightCard, type InsightLinkNames } from './insight-card.tsx';
import { InsightDialog, type InsightEditing } from './insight-dialog.tsx';
import { FilterSelect } from '../common/filter-select.tsx';
import { sourceLabel } from './insight-labels.ts';
import { RESULT_LIMIT, useInsightSearch } from './use-insight-search.ts';
import '../common/dialog-form.css';
import './insights.css';

/**
 * The insight repository: research findings and customer verbatims, searched by their words
 * and filtered by journey, source and failure point, each with what rests on it.
 */
export function InsightsPage() {
  const search = useInsightSearch();
  const canEdit = useCan('insight.edit');
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({}));
  const initiatives = useQuery(trpc.initiative.list.queryOptions({}));
  const target = useHashTarget(search.results.isSuccess);
  const [editing, setEditing] = useState<InsightEditing>(null);
  const [status, setStatus] = useState('');
  const searchId = useId();

  const names: InsightLinkNames = {
    journeys: new Map(journeys.data?.map((j) => [j.id, j.name])),
    failurePoints: new Map(failurePoints.data?.map((f) => [f.id, f.title])),
    initiatives: new Map(initiatives.data?.map((i) => [i.id, i.title])),
  };
  const unevidenced = failurePoints.data?.filter((f) => f.evidenceCount === 0).length ?? 0;
  const addInsight = () => {
    setStatus('');
    setEditing({ kind: 'new', journeyId: search.filters.journey || undefined, failurePointId: search.filters.fp || undefined });
  };

  return (
    <div className="page">
      <title>Insights · Throughline</title>
      <PageHeader
        title="Insights"
        lead="What research and the frontline learned about customers, in findings and in their own words, linked to the journeys, failure points and initiatives that rest on it."
      >
        <p className="page-header__meta">
          <Link to="/insights/failure-points">Failure points ranked by annual cost</Link>
          {unevidenced > 0 ? ` · ${plural(unevidenced, 'failure point')} without evidence` : ''}
        </p>
      </PageHeader>
      <p role="status" className="status-note">
        {status}
      </p>

      <div className="insight-toolbar">
        <form role="search" className="insight-search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={searchId} className="insight-search__label">
            Search insights
          </label>
          <input
            id={searchId}
            type="search"
            name="q"
            className="insight-search__input"
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            aria-describedby={`${searchId}-hint`}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${searchId}-hint`} className="field__hint">
            Searches titles and text; “chase” also finds “chasing”. Put a phrase in "quotes"; put - before a word to leave it out.
          </p>
        </form>
        <div className="filter-bar" role="group" aria-label="Filter insights">
          <FilterSelect
            label="Journey"
            value={search.filters.journey}
            any="All journeys"
            options={journeys.data?.map((j) => ({ value: j.id, label: j.name }))}
            onChange={(v) => search.setFilter('journey', v)}
          />
          <FilterSelect
            label="Source"
            value={search.filters.source}
            any="All sources"
            options={INSIGHT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
            onChange={(v) => search.setFilter('source', v)}
          />
          <FilterSelect
            label="Failure point"
            value={search.filters.fp}
            any="Any failure point"
            options={failurePoints.data?.map((f) => ({ value: f.id, label: f.title }))}
            onChange={(v) => search.setFilter('fp', v)}
          />
          {canEdit ? (
            <button type="button" className="button button--primary filter-bar__action" onClick={addInsight}>
              Add insight
            </button>
          ) : null}
        </div>
      </div>

      <p className="insight-count" aria-live="polite" aria-atomic="true">
        {countText(search)}
      </p>

      <QueryView
        query={search.results}
        label="insights"
        rows={4}
        errorTitle="The insights could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          search.narrowed ? (
            <EmptyState
              title="No insight matches"
              action={
                <button type="button" className="button button--secondary" onClick={search.clear}>
                  Clear the search and filters
                </button>
              }
            >
              <p>Try fewer or different words (searching matches word forms, so “chase” finds “chasing”), or widen the filters.</p>
            </EmptyState>
          ) : (
            <EmptyState
              title="No insights yet"
              action={
                canEdit ? (
                  <button type="button" className="button button--primary" onClick={addInsight}>
                    Add the first insight
                  </button>
                ) : undefined
              }
            >
              <p>
                Record what interviews, surveys, analytics and frontline staff tell you: a finding in a sentence, or a customer’s own words.
                Link each to the journeys and failure points it explains, so the teams who fix them can see why, and the acid test can trace
                delivery back to it.
              </p>
              {canEdit ? null : <p>Only {whoCan('insight.edit')} add insights.</p>}
            </EmptyState>
          )
        }
      >
        {(list) => (
          <ul className={search.pending ? 'insight-list is-stale' : 'insight-list'} aria-label="Insights" aria-busy={search.pending}>
            {list.map((insight) => (
              <InsightCard
                key={insight.id}
                insight={insight}
                names={names}
                targeted={target === `insight-${insight.id}`}
                onEdit={
                  canEdit
                    ? (i: Insight) => {
                        setStatus('');
                        setEditing({ kind: 'edit', insight: i });
                      }
                    : undefined
                }
              />
            ))}
          </ul>
        )}
      </QueryView>

      <InsightDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(_, message) => {
          setStatus(message);
          setEditing(null);
        }}
      />
    </div>
  );
}

/** What the results are, in words for the live region: "3 insights match “assessor”". */
function countText(search: ReturnType<typeof useInsightSearch>): string {
  if (search.pending) return 'Searching…';
  const list = search.results.data;
  if (!list) return '';
  const many = list.length >= RESULT_LIMIT ? `The first ${RESULT_LIMIT} insights` : plural(list.length, 'insight');
  const within = Object.values(search.filters).some(Boolean) ? ' within the filters' : '';
  if (search.query) return `${many} ${list.length === 1 ? 'matches' : 'match'} “${search.query}”${within}.`;
  return `${many}${within}, newest first.`;
}
