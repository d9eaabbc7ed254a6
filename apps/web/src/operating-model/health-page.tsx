import { PageHeader } from '../app/page-header.tsx';

/** Every gap in the operating model, each linking to where it is fixed. */
export function HealthPage() {
  return <PageHeader title="Operating model health" />;
}
