import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import type { CreatedState } from './backlog-page.tsx';
import { InitiativeDetail } from './initiative-detail.tsx';
// The CostField's £ prefix is styled with the governance form it was made for.
import '../governance/governance.css';
import './backlog.css';
import './initiative.css';

function breadcrumb(title: string) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/backlog">Value backlog</Link>
        </li>
        <li aria-current="page">{title}</li>
      </ol>
    </nav>
  );
}

/** One initiative: its case, evidence, lifecycle gates, funding decision, adoption and spend. */
export function InitiativePage() {
  const { initiativeId = '' } = useParams();
  const location = useLocation();
  const created = (location.state as CreatedState | null)?.created ?? null;
  const initiative = useQuery(trpc.initiative.get.queryOptions({ id: initiativeId }));
  const code = initiative.error?.data?.code;

  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
    return (
      <div className="page page--narrow">
        <title>Initiative not found · Throughline</title>
        {breadcrumb('Initiative')}
        <EmptyState
          headingLevel={1}
          title="This initiative was not found"
          action={
            <Link className="button button--primary" to="/backlog">
              See the backlog
            </Link>
          }
        >
          <p>It may have been withdrawn while it was an idea, or the link may be incomplete. The value backlog lists every initiative.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page initiative-page">
      <title>{initiative.data ? `${initiative.data.title} · Throughline` : 'Initiative · Throughline'}</title>
      {breadcrumb(initiative.data?.title ?? 'Initiative')}
      <QueryView query={initiative} label="the initiative" rows={6} errorTitle="The initiative could not be loaded">
        {(i) => <InitiativeDetail key={i.id} initiative={i} created={created} />}
      </QueryView>
    </div>
  );
}
