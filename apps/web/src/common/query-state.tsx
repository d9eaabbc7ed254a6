import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from './error-message.ts';

interface LoadingStateProps {
  label: string;
  /** Placeholder rows to hint at the shape of what is coming. */
  rows?: number;
}

/** A skeleton that screen readers hear as "Loading …" and that is marked busy. */
export function LoadingState({ label, rows = 3 }: LoadingStateProps) {
  return (
    <div className="loading-state" aria-busy="true" role="status">
      <span className="visually-hidden">Loading {label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

interface ErrorStateProps {
  title: string;
  /** An Error, or a tRPC client error (which carries a message but is not typed as Error). */
  error: { message: string };
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load, with what went wrong and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title}</p>
      <p className="error-state__message">{errorMessage(error)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Try again'}
      </button>
    </div>
  );
}

interface QueryViewProps<T, E extends { message: string }> {
  /** The query to show. Its error only needs a message, so tRPC client errors fit as they are. */
  query: UseQueryResult<T, E>;
  /** What is loading, for screen readers: "Loading {label}…". */
  label: string;
  /** Placeholder rows while loading. */
  rows?: number;
  /** The heading of the error panel. */
  errorTitle: string;
  /** Whether the loaded data counts as nothing yet; `empty` is shown instead of `children` when it does. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** The loaded data. */
  children: (data: T) => ReactNode;
}

/** A query's loading skeleton, its error with a retry, its empty state, or its data, in that order. */
export function QueryView<T, E extends { message: string }>({
  query,
  label,
  rows,
  errorTitle,
  isEmpty,
  empty,
  children,
}: QueryViewProps<T, E>) {
  if (query.isPending) return <LoadingState label={label} rows={rows} />;
  if (query.isError) {
    return <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}
