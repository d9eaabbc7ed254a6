import { PageHeader } from '../app/page-header.tsx';

/** CSV exports of survey responses and operational events, mapped, checked and sent in batches. */
export function DataImportPage() {
  return <PageHeader title="Data import" />;
}
