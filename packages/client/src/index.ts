export type { AppRouter } from '@throughline/api';
export { TRPCClientError } from '@trpc/client';
export { createThroughlineClient, type ThroughlineClient, type ThroughlineClientOptions } from './client.ts';
export {
  IngestBatchError,
  ingestOperationalEvents,
  ingestSurveyResponses,
  type IngestBatchesOptions,
  type IngestProgress,
  type IngestResult,
  type OperationalEventInput,
  type OperationalIngestClient,
  type RowIssue,
  type SurveyIngestClient,
  type SurveyResponseInput,
} from './ingest-batches.ts';
export { retryingFetch, type RetryNotice, type RetryOptions } from './retrying-fetch.ts';
