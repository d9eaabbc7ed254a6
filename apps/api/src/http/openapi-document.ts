import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { z } from 'zod';
import { INSTRUMENT_SCALES, SCOPE_PERMISSIONS, TOKEN_SCOPES } from '@throughline/domain';
import type { ProcedureMeta } from '../trpc.ts';
import { ZErrorBody } from './error-body.schema.ts';

type JsonSchema = z.core.JSONSchema.BaseSchema;
type Responses = Record<string, { $ref: string } | { description: string; content: Record<string, { schema: JsonSchema }> }>;

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: 'query'; required: boolean; description: string; content: Record<string, { schema: JsonSchema }> }[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Responses;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<'get' | 'post', OpenApiOperation>>>;
  components: {
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { description: string; headers?: Record<string, unknown>; content: Record<string, { schema: JsonSchema }> }>;
  };
}

/** What an integrator reads about one procedure; its schemas come from the procedure itself. */
export interface OperationText {
  summary: string;
  description: string;
}

export interface OpenApiOptions {
  router: AnyRouter;
  /** The procedures to publish, by tRPC path. */
  operations: Record<string, OperationText>;
  maxBodyBytes: number;
}

const JSON_TYPE = 'application/json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/**
 * The OpenAPI 3.1 document for the procedures named in `operations`, for callers who do not use
 * the TypeScript client. Request and response schemas are converted from the procedures' own
 * zod parsers, so the document cannot say something the API does not check.
 */
export function buildOpenApiDocument({ router, operations, maxBodyBytes }: OpenApiOptions): OpenApiDocument {
  // tRPC keeps every procedure under its dotted path, e.g. `ingest.surveyResponses`.
  const procedures = router._def.procedures as Record<string, AnyProcedure | undefined>;
  const schemas: Record<string, JsonSchema> = { ErrorBody: toJsonSchema(ZErrorBody, 'output', 'ErrorBody') };
  const paths: OpenApiDocument['paths'] = {};

  for (const [path, text] of Object.entries(operations)) {
    const procedure = procedures[path];
    if (!procedure) throw new Error(`OpenAPI: there is no procedure ${path}`);
    // The output parser and meta are on _def at run time, though tRPC's types leave them out.
    const def = procedure._def as AnyProcedure['_def'] & { output?: unknown; meta?: ProcedureMeta };
    if (def.type === 'subscription') throw new Error(`OpenAPI: ${path} is a subscription, which plain HTTP cannot call`);
    if (def.inputs.length > 1) throw new Error(`OpenAPI: ${path} chains several input parsers; publish one`);
    const operationId = path.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
    const name = operationId[0]!.toUpperCase() + operationId.slice(1);

    schemas[`${name}Output`] = toJsonSchema(def.output, 'output', `${path} output`);
    const input = def.inputs[0];
    if (input !== undefined) schemas[`${name}Input`] = toJsonSchema(input, 'input', `${path} input`);
    const isQuery = def.type === 'query';

    const operation: OpenApiOperation = {
      operationId,
      ...text,
      security: securityFor(path, def.meta),
      ...(input === undefined
        ? {}
        : isQuery
          ? {
              parameters: [
                {
                  name: 'input',
                  in: 'query',
                  required: true,
                  description: 'The input as URL-encoded JSON.',
                  content: { [JSON_TYPE]: { schema: ref(`${name}Input`) } },
                },
              ],
            }
          : { requestBody: { required: true, content: { [JSON_TYPE]: { schema: ref(`${name}Input`) } } } }),
      responses: {
        '200': {
          description: 'The call succeeded; its result is in `result.data`.',
          content: { [JSON_TYPE]: { schema: successEnvelope(ref(`${name}Output`)) } },
        },
        '400': responseRef('BadRequest'),
        ...(def.meta?.access === 'public' ? {} : { '401': responseRef('Unauthorized'), '403': responseRef('Forbidden') }),
        ...(isQuery ? {} : { '413': responseRef('PayloadTooLarge'), '415': responseRef('UnsupportedMediaType') }),
        '429': responseRef('TooManyRequests'),
      },
    };
    paths[`/trpc/${path}`] = { [isQuery ? 'get' : 'post']: operation };
  }

  const mib = maxBodyBytes / 1024 / 1024;
  const error = (description: string) => ({ description, content: { [JSON_TYPE]: { schema: ref('ErrorBody') } } });
  return {
    openapi: '3.1.1',
    info: {
      title: 'Throughline API',
      version: '1',
      description:
        'tRPC over HTTP, one call per request. Authenticate with an API token as `Authorization: Bearer tl_…`. ' +
        `Request bodies are JSON, at most ${mib} MiB. A successful call answers \`{"result":{"data":…}}\`; a refused one \`{"error":…}\`.`,
    },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: `An API token (\`tl_…\`) an admin created under Organisation → API tokens in the web app. Its scopes (${TOKEN_SCOPES.join(', ')}) decide what it may call.`,
        },
      },
      schemas,
      responses: {
        BadRequest: error('The input is invalid (`data.issues` names each field) or the body is not well-formed JSON. Nothing was stored.'),
        Unauthorized: error('No token, or the token is unknown, expired or revoked.'),
        Forbidden: error("The token's scopes do not allow this call."),
        PayloadTooLarge: error(`The request body is larger than ${mib} MiB; send fewer rows per call.`),
        UnsupportedMediaType: error('The body was not sent as `Content-Type: application/json`.'),
        TooManyRequests: {
          ...error('The token has made too many calls. Wait as long as `Retry-After` says, then send the same call again.'),
          headers: { 'Retry-After': { description: 'Seconds to wait before sending the call again.', schema: { type: 'integer' } } },
        },
      },
    },
  };
}

/** The procedures integrators call, and what they should know about each. */
export const INTEGRATOR_OPERATIONS: Record<string, OperationText> = {
  'ingest.surveyResponses': {
    summary: 'Ingest a batch of survey responses',
    description:
      'All or nothing: one invalid row refuses the whole batch, and `error.data.issues` names every bad row as `responses.<index>.<field>`. ' +
      'Rows are idempotent by (`source`, `externalId`): sending one again stores nothing and counts it in `duplicates`, so a failed or ' +
      `interrupted upload can be re-sent whole. Score scales: ${Object.entries(INSTRUMENT_SCALES)
        .map(([instrument, { min, max }]) => `${instrument} ${min}–${max}`)
        .join(
          ', ',
        )}; \`scale\` (a number: 5, 7 or 10) states the top of the scale when it is not the usual one, e.g. 7 for CSAT asked on 1–7. ` +
      `\`occurredAt\` is an ISO 8601 date-time, at most 5 minutes after the server's clock. \`journeyId\` and \`stepId\` come from \`journey.list\` and ` +
      '`journey.get` (a token with `model:read`); a row with neither counts only towards organisation-wide KPIs. The KPIs that read the stored rows are recomputed within seconds.',
  },
  'ingest.operationalEvents': {
    summary: 'Ingest a batch of operational events',
    description:
      'Contacts, escalations, resolutions, churn, renewals, revenue and cost from contact centres, CRMs and billing. On the same terms as ' +
      'survey responses: all or nothing per call (`events.<index>.<field>` names each bad row), idempotent by (`source`, `externalId`), dated at most 5 minutes ' +
      "after the server's clock. `type` is a known type in any case (stored in lower case) or a lower-case name of your own; a near miss of a known type, such as " +
      '`chrun`, is refused with the type it probably meant, so churn, renewal, revenue and cost always reach the value model.',
  },
  'journey.list': {
    summary: 'List the journeys, with their ids',
    description:
      'Every journey of the organisation: its id (what `journeyId` takes when ingesting), name and owner. Needs a token with `model:read`.',
  },
  'journey.get': {
    summary: 'Read one journey, with its stages and steps',
    description:
      'A journey by `id`, with its stages and their steps in order; a step’s `id` is what `stepId` takes when ingesting. Needs a token with `model:read`.',
  },
  'kpi.list': {
    summary: 'List the KPI definitions',
    description: 'Every KPI the organisation has defined: what it measures, its scope, owning team, direction and target.',
  },
  'kpi.results': {
    summary: 'Read a KPI’s values',
    description:
      'Values by period, each with `n`, its 95% interval and method; the latest period by segment; and the change from the period before ' +
      'with its p-value and a plain-words description. Periods are computed on the KPI’s schedule.',
  },
};

const successEnvelope = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['result'],
  properties: { result: { type: 'object', required: ['data'], properties: { data } } },
});

/** Who may call a procedure: nobody needs a token for a public one; otherwise any scope allowing its permission. */
function securityFor(path: string, meta: ProcedureMeta | undefined): Record<string, string[]>[] {
  const access = meta?.access;
  if (access === undefined) throw new Error(`OpenAPI: ${path} declares no access`);
  if (access === 'public') return [];
  const scopes = TOKEN_SCOPES.filter((s) => SCOPE_PERMISSIONS[s].includes(access));
  if (scopes.length === 0) throw new Error(`OpenAPI: no token scope allows ${path}, so integrators cannot call it`);
  // Alternatives: a token holding any one of these scopes may call it.
  return scopes.map((scope) => ({ bearerAuth: [scope] }));
}

function toJsonSchema(schema: unknown, io: 'input' | 'output', what: string): JsonSchema {
  if (!(schema instanceof z.ZodType)) throw new Error(`OpenAPI: ${what} is not a zod schema`);
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    // JSON has no dates: they travel as ISO 8601 strings both ways. Anything else zod cannot
    // express still throws, so the document never silently leaves a field out.
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : 'throw'),
  });
  return json;
}
