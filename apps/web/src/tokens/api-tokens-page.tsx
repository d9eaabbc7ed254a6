import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { CreateTokenForm } from './create-token-form.tsx';
import { TokensTable } from './tokens-table.tsx';
import './tokens.css';

/** Tokens for integrations: survey tools, contact centres, CRMs and billing pushing data in. */
export function ApiTokensPage() {
  const canManage = useCan('token.manage');
  return (
    <>
      <title>API tokens · Throughline</title>
      <PageHeader
        title="API tokens"
        lead="Integrations call Throughline’s API with a token: each has scopes that limit what it may do, an expiry, and can be revoked at any time."
      />
      {canManage ? (
        <TokensSection />
      ) : (
        <EmptyState title="Only admins manage API tokens">
          <p>Ask one of your organisation’s {whoCan('token.manage')} to create a token for your integration.</p>
        </EmptyState>
      )}
    </>
  );
}

function TokensSection() {
  const tokens = useQuery(trpc.token.list.queryOptions());
  const organisation = useQuery(trpc.organisation.get.queryOptions());
  return (
    <>
      {/* Waits for the organisation's longest token lifetime, so it never offers an expiry the API refuses. */}
      <QueryView
        query={organisation}
        label="the token settings"
        rows={2}
        errorTitle="The organisation’s token settings could not be loaded"
      >
        {(org) => <CreateTokenForm maxLifetimeDays={org.maxTokenLifetimeDays} />}
      </QueryView>
      <section aria-labelledby="tokens-heading" className="section">
        <div className="section__header">
          <h2 id="tokens-heading" className="section__title">
            Tokens
          </h2>
        </div>
        <QueryView
          query={tokens}
          label="API tokens"
          rows={3}
          errorTitle="The API tokens could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No tokens yet" headingLevel={3}>
              <p>
                Create one above for each system that sends data to Throughline, with only the scopes it needs. The README’s integrator
                guide shows how to send a CSV export with it.
              </p>
            </EmptyState>
          }
        >
          {(list) => <TokensTable tokens={list} />}
        </QueryView>
      </section>
    </>
  );
}
