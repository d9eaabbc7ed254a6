import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../common/error-message.ts';
import { plural } from '../common/locale-format.ts';
import { trpc } from '../trpc.ts';

interface KpiRecomputeButtonProps {
  kpiId: string;
  kpiName: string;
  /** A smaller button, for a card. */
  compact?: boolean;
}

/**
 * Recomputes one KPI now instead of waiting for its schedule. A full recompute can take a few
 * seconds, so the button shows progress and the outcome is announced once the values are in.
 */
export function KpiRecomputeButton({ kpiId, kpiName, compact = false }: KpiRecomputeButtonProps) {
  const recompute = useMutation(
    // Done only once the page shows the new values (the mutation cache refreshes before a
    // mutation counts as done), so the announcement matches the screen.
    trpc.kpi.recompute.mutationOptions(),
  );
  const status = recompute.isPending
    ? `Recomputing ${kpiName}…`
    : recompute.isSuccess
      ? `Recomputed: ${plural(recompute.data.results, 'value')} stored.`
      : '';
  return (
    <div className={compact ? 'kpi-recompute kpi-recompute--compact' : 'kpi-recompute'}>
      <button
        type="button"
        className={compact ? 'button button--secondary kpi-recompute__button' : 'button button--primary'}
        onClick={() => recompute.mutate({ kpiId })}
        disabled={recompute.isPending}
        aria-busy={recompute.isPending}
      >
        {recompute.isPending ? 'Recomputing…' : 'Recompute now'}
        {compact ? <span className="visually-hidden"> {kpiName}</span> : null}
      </button>
      {recompute.isPending ? <progress className="kpi-recompute__progress" aria-label={`Recomputing ${kpiName}`} /> : null}
      <p role="status" className="kpi-recompute__status">
        {status}
      </p>
      {recompute.isError ? (
        <p role="alert" className="kpi-recompute__error">
          {errorMessage(recompute.error)}
        </p>
      ) : null}
    </div>
  );
}
