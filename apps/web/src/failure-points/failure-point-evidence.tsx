import { useQuery } from '@tanstack/react-query';
import type { FailurePoint } from '@throughline/domain';
import { Link } from 'react-router';
import { formatDate } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { kindLabel, sourceLabel } from '../insights/insight-labels.ts';
import { NoEvidenceFlag } from './no-evidence-flag.tsx';

/** The insights a failure point rests on, or a clear mark that it rests on none. */
export function FailurePointEvidence({ point, canAdd }: { point: FailurePoint; canAdd: boolean }) {
  const evidence = useQuery({
    ...trpc.insight.search.queryOptions({ failurePointId: point.id, limit: 20 }),
    enabled: point.evidenceCount > 0,
  });
  const addLink = `/insights?fp=${point.id}&journey=${point.journeyId}`;

  if (point.evidenceCount === 0) {
    return (
      <div className="fp-evidence fp-evidence--none">
        <NoEvidenceFlag />
        <p>
          No insight backs this up yet, so its cost is an assertion.{' '}
          {canAdd ? (
            <Link to={addLink}>Link research or a verbatim</Link>
          ) : (
            'Research or a customer verbatim linked to it would show why it happens.'
          )}
        </p>
      </div>
    );
  }
  return (
    <div className="fp-evidence">
      <QueryView query={evidence} label="the evidence" rows={1} errorTitle="The evidence could not be loaded">
        {(list) => (
          <ul className="fp-evidence__list">
            {list.map((insight) => (
              <li key={insight.id}>
                <Link to={`/insights#insight-${insight.id}`}>{insight.title}</Link>
                <span className="muted">
                  {' '}
                  · {kindLabel(insight.kind)}, {sourceLabel(insight.source).toLowerCase()}, {formatDate(insight.observedOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
