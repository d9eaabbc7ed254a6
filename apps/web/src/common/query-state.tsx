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
