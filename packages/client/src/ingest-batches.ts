import { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@throughline/api';

/** One survey response as the API accepts it (`occurredAt` as a Date or an ISO string). */
export type SurveyResponseInput = inferRouterInputs<AppRouter>['ingest']['surveyResponses']['responses'][number];
/** One operational event (contact, churn, revenue…) as the API accepts it. */
export type OperationalEventInput = inferRouterInputs<AppRouter>['ingest']['operationalEvents']['events'][number];
export type IngestResult = inferRouterOutputs<AppRouter>['ingest']['surveyResponses'];

/** The part of the client ingestSurveyResponses needs; the client from createThroughlineClient has it. */
export interface SurveyIngestClient {
  ingest: { surveyResponses: { mutate(input: { responses: SurveyResponseInput[] }): Promise<IngestResult> } };
}

/** The part of the client ingestOperationalEvents needs. */
export interface OperationalIngestClient {
  ingest: { operationalEvents: { mutate(input: { events: OperationalEventInput[] }): Promise<IngestResult> } };
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
  /**
   * Calls in flight at once. The default, 2, sends the next batch while the server stores the
   * last: about half as fast again as 1, which sends them strictly one after another.
   */
  concurrency?: number;
  /** Told after each stored batch, with the running totals. */
  onProgress?: (progress: IngestProgress) => void;
}

/** A problem the API found in one row, numbered as in the array handed to the helper. */
export interface RowIssue {
  /** Index into the rows given to the helper; null when the issue is not one row's. */
  row: number | null;
  /** The field within the row, e.g. `score`, or the API's path when `row` is null. */
  path: string;
  message: string;
}

/**
 * A batch was refused. Every row before `firstRow` is stored (or was known already) and no row
 * of the refused batch is. With more than one call in flight, batches sent alongside it may
 * have been stored too: `storedAfter` lists them. Re-sending from `firstRow` is safe either way,
 * as rows already stored come back as duplicates.
 */
export class IngestBatchError extends Error {
  override readonly name = 'IngestBatchError';

  constructor(
    /** First row of the refused batch (0-based index into the rows given). */
    readonly firstRow: number,
    /** Last row of the refused batch, inclusive. */
    readonly lastRow: number,
    /** What every stored batch stored, those before it and any in `storedAfter`. */
    readonly completed: IngestResult,
    readonly issues: RowIssue[],
    cause: unknown,
    /** Batches after the refused one that were already sent and were stored, as inclusive row ranges. */
    readonly storedAfter: readonly (readonly [number, number])[] = [],
  ) {
    super(
      `Rows ${firstRow}–${lastRow} were not ingested: ${cause instanceof Error ? cause.message : String(cause)}` +
        (firstRow > 0 ? ` (rows 0–${firstRow - 1} were ingested)` : ''),
      { cause },
    );
  }
}

interface Refused {
  first: number;
  end: number;
  error: unknown;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const utf8 = new TextEncoder();

/**
 * Sends survey responses in batches, in order, with up to `concurrency` calls in flight, and adds
 * up what the API says. Re-running after a failure is safe: the API skips rows it has (by source
 * and externalId) and counts them as duplicates. At a refused batch it sends nothing more, lets
 * the calls in flight finish, and throws IngestBatchError for the earliest refused batch.
 */
export function ingestSurveyResponses(
  client: SurveyIngestClient,
  rows: readonly SurveyResponseInput[],
  options: IngestBatchesOptions = {},
): Promise<IngestResult> {
  return ingestInBatches('responses', (responses) => client.ingest.surveyResponses.mutate({ responses }), rows, options);
}

/** Sends operational events on the same terms as ingestSurveyResponses: batches, two in flight, IngestBatchError. */
export function ingestOperationalEvents(
  client: OperationalIngestClient,
  rows: readonly OperationalEventInput[],
  options: IngestBatchesOptions = {},
): Promise<IngestResult> {
  return ingestInBatches('events', (events) => client.ingest.operationalEvents.mutate({ events }), rows, options);
}

/** The rows' name in a call's body (`{"events":[…]}`) and in the API's issue paths (`events.12.type`). */
type RowsKey = 'responses' | 'events';

async function ingestInBatches<Row>(
  key: RowsKey,
  send: (rows: Row[]) => Promise<IngestResult>,
  rows: readonly Row[],
  options: IngestBatchesOptions,
): Promise<IngestResult> {
  const batchSize = options.batchSize ?? 5000;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, not ${concurrency}`);
  const totals: IngestResult = { received: 0, inserted: 0, duplicates: 0 };
  const batches = batchBounds(rows, batchSize, options.maxBatchBytes ?? MAX_BODY_BYTES, `{"${key}":[]}`.length);
  const stored: [number, number][] = [];
  // Held in an object: the senders set it, and TypeScript does not follow closures' writes.
  const state: { refused: Refused | null } = { refused: null };

  // Each sender takes the next batch when its last is answered; the batches go out in order.
  const sender = async () => {
    for (let next = batches.next(); !next.done && state.refused === null; next = batches.next()) {
      const [first, end] = next.value;
      let result: IngestResult;
      try {
        result = await send(rows.slice(first, end));
      } catch (error) {
        // The loop's test narrowed it to null; another sender may have set it since.
        const earlier = state.refused as Refused | null;
        if (earlier === null || first < earlier.first) state.refused = { first, end, error };
        return;
      }
      stored.push([first, end - 1]);
      totals.received += result.received;
      totals.inserted += result.inserted;
      totals.duplicates += result.duplicates;
      options.onProgress?.({ ...totals, total: rows.length });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  if (state.refused !== null) {
    const { first, end, error } = state.refused;
    const after = stored.filter(([from]) => from > first).sort((a, b) => a[0] - b[0]);
    throw new IngestBatchError(first, end - 1, { ...totals }, rowIssues(error, key, first), error, after);
  }
  return totals;
}

/** [first, end) of each batch: at most batchSize rows, and under maxBytes as JSON. */
function* batchBounds(rows: readonly unknown[], batchSize: number, maxBytes: number, envelopeBytes: number): Generator<[number, number]> {
  let first = 0;
  let bytes = envelopeBytes;
  for (let i = 0; i < rows.length; i++) {
    // Each row after the first also costs a comma.
    const rowBytes = utf8.encode(JSON.stringify(rows[i])).length + 1;
    if (i > first && (i - first >= batchSize || bytes + rowBytes > maxBytes)) {
      yield [first, i];
      first = i;
      bytes = envelopeBytes;
    }
    bytes += rowBytes;
  }
  if (first < rows.length) yield [first, rows.length];
}

/** The API's per-field issues (`responses.12.score`), renumbered against all the rows. */
function rowIssues(error: unknown, key: RowsKey, firstRow: number): RowIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const issues = (error as TRPCClientError<AppRouter>).data?.issues ?? [];
  return issues.map(({ path, message }) => {
    const match = new RegExp(`^${key}\\.(\\d+)(?:\\.(.+))?$`).exec(path);
    return match ? { row: firstRow + Number(match[1]), path: match[2] ?? '(row)', message } : { row: null, path, message };
  });
}
