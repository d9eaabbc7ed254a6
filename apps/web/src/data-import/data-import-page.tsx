import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { EmptyState } from '../common/empty-state.tsx';
import { ImportWizard } from './import-wizard.tsx';
import './data-import.css';

/** CSV exports of survey responses and operational events, mapped, checked and sent in batches. */
export function DataImportPage() {
  const canImport = useCan('ingest.write');
  return (
    <>
      <title>Data import · Throughline</title>
      <PageHeader
        title="Data import"
        lead="Bring survey responses and operational events in from a CSV export: match its columns, check every line, then send it in batches. Importing the same file twice is safe: rows already stored count as duplicates."
      />
      {canImport ? (
        <ImportWizard />
      ) : (
        <EmptyState title="Importing data is for admins">
          <p>Only {whoCan('ingest.write')} import survey responses and operational events. Ask one of them to import your export.</p>
        </EmptyState>
      )}
    </>
  );
}
