import { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@throughline/api';

/** One survey response as the API accepts it (`occurredAt` as a Date or an ISO string). */
export type SurveyResponseInput = inferRouterInputs<AppRouter>['ingest']['surveyResponses']['responses'][number];
export type IngestResult = inferRouterOutputs<AppRouter>['ingest']['surveyResponses'];

/** The part of the client this helper needs; the client from createThroughlineClient has it. */
export interface SurveyIngestClient {
  ingest: { surveyResponses: { mutate(input: { responses: SurveyResponseInput[] }): Promise<IngestResult> } };
}

export interface IngestProgress extends IngestResult {
  /** All rows handed to ingestSurveyResponses; `received` of them are done. */
  total: number;
}

export interface IngestBatchesOptions {
  /** Rows per call, at most the API's 5,000 (the default: each call's fixed cost spread widest). */
  batchSize?: number;
  /** A call's JSON body is kept under this many bytes (the API refuses more than 2 MiB). */
  maxBatchBytes?: number;
  /** Told after each stored batch, with the running totals. */
  onProgress?: (progress: IngestProgress) => void;
}

/** A problem the API found in one row, numbered as in the array handed to the helper. */
export interface RowIssue {
  /** Index into the rows given to ingestSurveyResponses; null when the issue is not one row's. */
  row: number | null;
  /** The field within the row, e.g. `score`, or the API's path when `row` is null. */
  path: string;
  message: string;
}

/**
 * A batch was refused. Batches are all-or-nothing and sent in order, so rows before
 * `firstRow` are stored (or were known already) and rows from `firstRow` on are not.
 */
export class IngestBatchError extends Error {
  override readonly name = 'IngestBatchError';

  constructor(
    /** First row of the refused batch (0-based index into the rows given). */
    readonly firstRow: number,
    /** Last row of the refused batch, inclusive. */
    readonly lastRow: number,
    /** What the batches before it stored. */
    readonly completed: IngestResult,
    readonly issues: RowIssue[],
    cause: unknown,
  ) {
    super(
      `Rows ${firstRow}–${lastRow} were not ingested: ${cause instanceof Error ? cause.message : String(cause)}` +
        (firstRow > 0 ? ` (rows 0–${firstRow - 1} were ingested)` : ''),
      { cause },
    );
  }
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const ENVELOPE_BYTES = '{"responses":[]}'.length;
const utf8 = new TextEncoder();

/**
 * Sends survey responses in batches, one call after another, and adds up what the API says.
 * Re-running after a failure is safe: the API skips rows it has (by source and externalId)
 * and counts them as duplicates. Throws IngestBatchError at the first refused batch.
 */
export async function ingestSurveyResponses(
  client: SurveyIngestClient,
  rows: readonly SurveyResponseInput[],
  options: IngestBatchesOptions = {},
): Promise<IngestResult> {
  const batchSize = options.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const totals: IngestResult = { received: 0, inserted: 0, duplicates: 0 };
  for (const [first, end] of batchBounds(rows, batchSize, options.maxBatchBytes ?? MAX_BODY_BYTES)) {
    let result: IngestResult;
    try {
      result = await client.ingest.surveyResponses.mutate({ responses: rows.slice(first, end) });
    } catch (error) {
      throw new IngestBatchError(first, end - 1, { ...totals }, rowIssues(error, first), error);
    }
    totals.received += result.received;
    totals.inserted += result.inserted;
    totals.duplicates += result.duplicates;
    options.onProgress?.({ ...totals, total: rows.length });
  }
  return totals;
}

/** [first, end) of each batch: at most batchSize rows, and under maxBytes as JSON. */
function* batchBounds(rows: readonly SurveyResponseInput[], batchSize: number, maxBytes: number): Generator<[number, number]> {
  let first = 0;
  let bytes = ENVELOPE_BYTES;
  for (let i = 0; i < rows.length; i++) {
    // Each row after the first also costs a comma.
    const rowBytes = utf8.encode(JSON.stringify(rows[i])).length + 1;
    if (i > first && (i - first >= batchSize || bytes + rowBytes > maxBytes)) {
      yield [first, i];
      first = i;
      bytes = ENVELOPE_BYTES;
    }
    bytes += rowBytes;
  }
  if (first < rows.length) yield [first, rows.length];
}

/** The API's per-field issues (`responses.12.score`), renumbered against all the rows. */
function rowIssues(error: unknown, firstRow: number): RowIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const issues = (error as TRPCClientError<AppRouter>).data?.issues ?? [];
  return issues.map(({ path, message }) => {
    const match = /^responses\.(\d+)(?:\.(.+))?$/.exec(path);
    return match ? { row: firstRow + Number(match[1]), path: match[2] ?? '(row)', message } : { row: null, path, message };
  });
}
