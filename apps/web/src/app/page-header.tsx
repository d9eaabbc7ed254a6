import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** One sentence on what this page is for. */
  lead?: ReactNode;
  eyebrow?: ReactNode;
  children?: ReactNode;
}

/** The page's one h1, with a short explanation under it. */
export function PageHeader({ title, lead, eyebrow, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      {eyebrow ? <div className="page-header__eyebrow">{eyebrow}</div> : null}
      <h1 className="page-header__title">{title}</h1>
      {lead ? <p className="page-header__lead">{lead}</p> : null}
      {children}
    </header>
  );
}
