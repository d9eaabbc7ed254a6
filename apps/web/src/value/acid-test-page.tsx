import { PageHeader } from '../app/page-header.tsx';

/** Placeholder while the page is being built. */
export function AcidTestPage() {
  return <PageHeader title="Acid test" />;
}
