import { PageHeader } from '../app/page-header.tsx';

/** Placeholder while the page is being built. */
export function FailurePointsPage() {
  return <PageHeader title="Failure points" />;
}
