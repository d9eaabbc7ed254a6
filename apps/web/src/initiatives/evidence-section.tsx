import { useQueries, useQuery } from '@tanstack/react-query';
import type { FailurePoint, Initiative, Insight } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDate, plural } from '../common/locale-format.ts';
import { LoadingState } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

const SOURCE: Record<Insight['source'], string> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  frontline: 'Frontline',
};

interface EvidenceItem {
  insight: Insight;
  /** Filed against the initiative itself. */
  direct: boolean;
  /** The failure points it backs up, of those the initiative fixes. */
  via: string[];
}

/** Merges the insights filed on the initiative with those on its failure points, each once. */
function gatherEvidence(
  direct: readonly Insight[],
  byPoint: readonly { point: FailurePoint | undefined; insights: readonly Insight[] }[],
): EvidenceItem[] {
  const items = new Map<string, EvidenceItem>();
  for (const insight of direct) items.set(insight.id, { insight, direct: true, via: [] });
  for (const { point, insights } of byPoint) {
    for (const insight of insights) {
      const item = items.get(insight.id) ?? { insight, direct: false, via: [] };
      if (point) item.via.push(point.title);
      items.set(insight.id, item);
    }
  }
  return [...items.values()].sort((a, b) => b.insight.observedOn.localeCompare(a.insight.observedOn));
}

/** The research behind the initiative: insights filed on it and on the failure points it fixes. */
export function EvidenceSection({ initiative: i }: { initiative: Initiative }) {
  const direct = useQuery(trpc.insight.search.queryOptions({ initiativeId: i.id, limit: 50 }));
  const points = useQuery(trpc.failurePoint.list.queryOptions({}));
  const byPoint = useQueries({
    queries: i.failurePointIds.map((id) => trpc.insight.search.queryOptions({ failurePointId: id, limit: 50 })),
  });
  const loading = direct.isPending || byPoint.some((q) => q.isPending);
  const failed = direct.isError || byPoint.some((q) => q.isError);
  const items = gatherEvidence(
    direct.data ?? [],
    i.failurePointIds.map((id, index) => ({ point: points.data?.find((p) => p.id === id), insights: byPoint[index]?.data ?? [] })),
  );

  return (
    <section id="evidence" aria-labelledby="evidence-heading" className="section">
      <div className="section__header">
        <h2 id="evidence-heading" className="section__title">
          Evidence
        </h2>
        {!loading ? <p className="section__meta">{plural(items.length, 'insight')}</p> : null}
        <Link to="/insights" className="section__link">
          Insight repository
        </Link>
      </div>
      {loading ? (
        <LoadingState label="the evidence" rows={2} />
      ) : failed && items.length === 0 ? (
        <p className="muted">The evidence could not be loaded. Reload the page to try again.</p>
      ) : items.length === 0 ? (
        <p className="muted">
          No insights rest on it yet. An initiative without evidence is an assertion: file the research findings and customer verbatims
          behind it in the insight repository, linked to this initiative or its failure points.
        </p>
      ) : (
        <ul className="evidence-list">
          {items.map(({ insight: s, direct: isDirect, via }) => (
            <li key={s.id} className={`evidence evidence--${s.kind}`}>
              <p className="evidence__meta">
                <span className="evidence__kind">{s.kind === 'verbatim' ? 'Verbatim' : 'Finding'}</span> · {SOURCE[s.source]} ·{' '}
                {formatDate(s.observedOn)} · {s.confidence} confidence
              </p>
              <h3 className="evidence__title">{s.title}</h3>
              {s.kind === 'verbatim' ? (
                <blockquote className="evidence__body">“{s.body}”</blockquote>
              ) : (
                <p className="evidence__body">{s.body}</p>
              )}
              <p className="evidence__link">
                {isDirect ? 'Filed on this initiative' : null}
                {isDirect && via.length > 0 ? '; ' : null}
                {via.length > 0 ? `on ${via.map((t) => `“${t}”`).join(', ')}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
