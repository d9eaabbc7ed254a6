import { PageHeader } from '../app/page-header.tsx';

/** The KPIs the organisation has defined: owner, target, threshold, grain and schedule. */
export function KpisPage() {
  return <PageHeader title="KPIs" />;
}
