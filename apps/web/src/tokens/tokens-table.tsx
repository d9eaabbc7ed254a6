import { useMutation } from '@tanstack/react-query';
import type { ApiTokenSummary } from '@throughline/domain';
import { ConfirmAction } from '../common/confirm-action.tsx';
import { errorMessage } from '../common/error-message.ts';
import { formatDate, formatDateTime } from '../common/locale-format.ts';
import { WarningIcon } from '../common/warning-icon.tsx';
import { trpc } from '../trpc.ts';

/** Whether a token still works, and if not, why not. */
function tokenStatus(t: ApiTokenSummary, now: Date): { label: string; live: boolean } {
  if (t.revokedAt) return { label: `Revoked ${formatDate(t.revokedAt)}`, live: false };
  if (t.expiresAt && new Date(t.expiresAt) <= now) return { label: `Expired ${formatDate(t.expiresAt)}`, live: false };
  return { label: t.expiresAt ? `Active until ${formatDate(t.expiresAt)}` : 'Active, no expiry', live: true };
}

/** Why a live token needs an admin to look at it again, in words. */
const ATTENTION: Record<NonNullable<ApiTokenSummary['attention']>, string> = {
  creator_demoted: 'Review: its creator is no longer an admin',
  creator_removed: 'Review: its creator has left the organisation',
};

/** Every token the organisation has issued, live or not, so old integrations can be traced. */
export function TokensTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  const now = new Date();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">API tokens, their scopes and when they were last used</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created by</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} status={tokenStatus(t, now)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenRow({ token, status }: { token: ApiTokenSummary; status: { label: string; live: boolean } }) {
  const revoke = useMutation(trpc.token.revoke.mutationOptions());
  return (
    <tr className={status.live ? undefined : 'table__row--inactive'}>
      <th scope="row" className="member__who">
        <span className="member__name">{token.name}</span>
        <code className="member__email">{token.prefix}…</code>
      </th>
      <td>
        <ul className="tag-list" aria-label="Scopes">
          {token.scopes.map((s) => (
            <li key={s} className="tag">
              {s}
            </li>
          ))}
        </ul>
      </td>
      <td>{token.createdBy ? token.createdBy.displayName : <span className="muted">A deleted account</span>}</td>
      <td className="nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">Never</span>}</td>
      <td>
        <span className="nowrap">{status.label}</span>
        {token.attention ? (
          <span className="flag flag--warning token__attention">
            <WarningIcon />
            <span>{ATTENTION[token.attention]}</span>
          </span>
        ) : null}
      </td>
      <td className="table__actions">
        {status.live ? (
          <ConfirmAction
            label="Revoke"
            subject={token.name}
            question={`Revoke “${token.name}”? Calls with it are refused from now on; this cannot be undone.`}
            confirmLabel="Revoke"
            pendingLabel="Revoking…"
            pending={revoke.isPending}
            onConfirm={() => revoke.mutate({ id: token.id })}
            error={revoke.isError ? errorMessage(revoke.error) : null}
          />
        ) : null}
      </td>
    </tr>
  );
}
