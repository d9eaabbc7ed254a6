import { PageHeader } from '../app/page-header.tsx';

/** Placeholder while the page is being built. */
export function BudgetsPage() {
  return <PageHeader title="Budgets" />;
}
