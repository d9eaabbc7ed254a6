import type { IngestResult } from '@throughline/domain';
import type { FormError } from '../common/field-issues.ts';
import { BatchBuffer, type Batch } from './batch-buffer.ts';
import { readCsvRecords } from './csv-records.ts';
import { emptyReport, recordLine, serverIssueLines, type LineIssue, type LineReport } from './line-report.ts';
import { buildRow, type BuiltRow, type ImportPlan, type IngestRow } from './row-builder.ts';

export interface RunProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far (the header and blank lines are not rows). */
  rowsRead: number;
  rowsSent: number;
  stored: number;
  duplicates: number;
}

export function startProgress(totalBytes: number): RunProgress {
  return { bytesRead: 0, totalBytes, rowsRead: 0, rowsSent: 0, stored: 0, duplicates: 0 };
}

/** Sends one batch to the API and says what it stored. */
export type SendBatch = (rows: IngestRow[], signal: AbortSignal | undefined) => Promise<IngestResult>;

/** An import stopped by a bad row or a refused batch, with the lines to fix. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly issues: LineIssue[],
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

/** Each data row of the file, mapped and checked, a chunk at a time. */
async function* builtRows(file: Blob, plan: ImportPlan, signal: AbortSignal | undefined) {
  let header = true;
  for await (const chunk of readCsvRecords(file, signal)) {
    const rows: { line: number; built: BuiltRow }[] = [];
    for (const record of chunk.records) {
      if (header) {
        header = false;
        continue;
      }
      const built = buildRow(plan, record.cells);
      if (record.problem) built.issues.unshift({ field: 'row', message: record.problem });
      rows.push({ line: record.line, built });
    }
    yield { rows, bytesRead: chunk.bytesRead };
  }
}

/** The full pass before anything is sent: every bad line counted, the first ones listed. */
export async function checkFile(
  file: Blob,
  plan: ImportPlan,
  onProgress: (progress: RunProgress) => void,
  signal?: AbortSignal,
): Promise<LineReport & { rows: number }> {
  const report = emptyReport();
  const progress = startProgress(file.size);
  for await (const chunk of builtRows(file, plan, signal)) {
    for (const { line, built } of chunk.rows) recordLine(report, line, built.issues);
    progress.rowsRead += chunk.rows.length;
    progress.bytesRead = chunk.bytesRead;
    onProgress({ ...progress });
  }
  return { ...report, rows: progress.rowsRead };
}

/**
 * Streams the file to the API in batches, one call at a time, so memory holds one chunk and
 * one batch. A bad row stops the import before its batch is sent; a refused batch stops it
 * with the server's issues traced to lines. Batches already sent stay stored: re-importing
 * the fixed file is safe, as known rows count as duplicates.
 */
export async function importFile(
  file: Blob,
  plan: ImportPlan,
  send: SendBatch,
  onProgress: (progress: RunProgress) => void,
  signal?: AbortSignal,
): Promise<RunProgress> {
  const buffer = new BatchBuffer<IngestRow>();
  const progress = startProgress(file.size);

  const sendBatch = async (batch: Batch<IngestRow>) => {
    let result: IngestResult;
    try {
      result = await send(batch.rows, signal);
    } catch (error) {
      const issues = (error as FormError).data?.issues;
      if (!issues?.length) throw error;
      throw new ImportRefused((error as FormError).message, serverIssueLines(issues, batch.lines));
    }
    progress.rowsSent += batch.rows.length;
    progress.stored += result.inserted;
    progress.duplicates += result.duplicates;
    onProgress({ ...progress });
  };

  for await (const chunk of builtRows(file, plan, signal)) {
    for (const { line, built } of chunk.rows) {
      if (!built.row) {
        throw new ImportRefused(
          `Line ${line} is not valid; it was not sent`,
          built.issues.map((i) => ({ ...i, line })),
        );
      }
      const closed = buffer.add(built.row, line);
      if (closed) await sendBatch(closed);
    }
    progress.rowsRead += chunk.rows.length;
    progress.bytesRead = chunk.bytesRead;
    onProgress({ ...progress });
  }
  const last = buffer.flush();
  if (last) await sendBatch(last);
  return progress;
}
