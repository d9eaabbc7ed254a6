import { PageHeader } from '../app/page-header.tsx';

/** Placeholder while the page is being built. */
export function ScorecardPage() {
  return <PageHeader title="Executive scorecard" />;
}
