import { PageHeader } from '../app/page-header.tsx';

/** One team: its remit, capabilities, KPIs, the policies it may change and its open proposals. */
export function TeamPage() {
  return <PageHeader title="Team" />;
}
