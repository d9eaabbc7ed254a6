import { PageHeader } from '../app/page-header.tsx';

/** Journeys × teams: who is accountable, who contributes, where ownership has gaps or overlaps. */
export function OwnershipPage() {
  return <PageHeader title="Ownership" />;
}
