import { PageHeader } from '../app/page-header.tsx';

/** Policies, change proposals routed to teams or the CX council, and the decision log. */
export function GovernancePage() {
  return <PageHeader title="Governance" lead="Policies, the changes proposed to them, and every decision taken." />;
}
