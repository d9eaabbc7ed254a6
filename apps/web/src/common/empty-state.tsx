import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** What this area holds, or why there is nothing here yet. */
  children: ReactNode;
  /** What the person can do right now. */
  action?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}

/** A blank panel that explains itself: what belongs here and what to do first. */
export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1] ?? 'h2';
  return (
    <div className="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="4" y="8" width="40" height="32" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 30c5 0 5-10 12-10s7 10 12 10" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <Heading className="empty-state__title">{title}</Heading>
      <div className="empty-state__body">{children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
