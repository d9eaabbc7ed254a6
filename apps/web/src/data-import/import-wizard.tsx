import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { trpc } from '../trpc.ts';
import { ColumnMappingTable } from './column-mapping-table.tsx';
import { missingRequired, proposeMapping, type ColumnMapping } from './column-mapping.ts';
import type { ImportKind } from './import-fields.ts';
import { ImportPreviewTable } from './import-preview-table.tsx';
import { ImportRunPanel } from './import-run-panel.tsx';
import { ImportSourceForm } from './import-source-form.tsx';
import { indexJourneys } from './journey-index.ts';
import type { ImportPlan } from './row-builder.ts';
import { useCsvHead } from './use-csv-head.ts';
import { useImportRun } from './use-import-run.ts';

/** The source's length limit in the ingestion schema. */
const MAX_SOURCE = 64;

/** The four steps of an import, each shown once the one before it has what it needs. */
export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>('survey');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [edited, setEdited] = useState<{ header: string[]; kind: ImportKind; mapping: ColumnMapping } | null>(null);
  const head = useCsvHead(file);
  const journeys = useQuery(trpc.journey.list.queryOptions());

  const header = head.status === 'read' ? head.header : null;
  // A new file or a new kind starts from a fresh proposal; the person's edits belong to the old one.
  const proposed = useMemo(() => (header ? proposeMapping(kind, header) : null), [header, kind]);
  const mapping = edited && edited.header === header && edited.kind === kind ? edited.mapping : proposed;
  const setMapping = (next: ColumnMapping) => header && setEdited({ header, kind, mapping: next });

  const needsJourneys = !!mapping?.fields.journeyId;
  const journeyIndex = useMemo(() => indexJourneys(journeys.data ?? []), [journeys.data]);
  const sourceName = source.trim();
  const plan = useMemo<ImportPlan | null>(
    () => (header && mapping ? { kind, source: sourceName, header, mapping, journeys: journeyIndex } : null),
    [kind, sourceName, header, mapping, journeyIndex],
  );
  const run = useImportRun(file, plan);
  const locked = run.state.status === 'checking' || run.state.status === 'sending';

  const sourceIssue = sourceName.length > MAX_SOURCE ? `is longer than ${MAX_SOURCE} characters` : undefined;
  const blockers = [
    ...(sourceName === '' ? ['Name the source of the file in step 1.'] : []),
    ...(sourceIssue ? [`Shorten the source name to ${MAX_SOURCE} characters.`] : []),
    ...(mapping ? missingRequired(kind, mapping).map((label) => `Choose a column for ${label} in step 2.`) : []),
    ...(needsJourneys && journeys.isPending ? ['Loading the journeys, to match the journey column…'] : []),
    ...(needsJourneys && journeys.isError
      ? [`The journeys could not be loaded to match the journey column: ${errorMessage(journeys.error)}`]
      : []),
  ];

  return (
    <>
      <ImportSourceForm
        kind={kind}
        onKind={setKind}
        source={source}
        onSource={setSource}
        sourceIssue={sourceIssue}
        file={file}
        onFile={setFile}
        disabled={locked}
      />
      {head.status === 'reading' ? (
        <p className="import-reading" role="status">
          Reading the header…
        </p>
      ) : null}
      {head.status === 'failed' ? (
        <p className="form__alert" role="alert">
          {head.message}
        </p>
      ) : null}
      {head.status === 'read' && mapping && plan ? (
        <>
          <ColumnMappingTable
            kind={kind}
            header={head.header}
            sample={head.records[0]}
            mapping={mapping}
            onChange={setMapping}
            disabled={locked}
          />
          {head.records.length > 0 ? (
            <ImportPreviewTable plan={plan} records={head.records} />
          ) : (
            <p className="notice">The file has a header but no rows.</p>
          )}
          <ImportRunPanel
            kind={kind}
            state={run.state}
            blockers={blockers}
            onCheck={run.check}
            onImport={run.start}
            onCancel={run.cancel}
          />
        </>
      ) : null}
    </>
  );
}
