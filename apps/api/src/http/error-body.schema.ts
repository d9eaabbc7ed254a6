import { z } from 'zod';

/**
 * What a refused call looks like on the wire. Written once here so the OpenAPI document
 * publishes it and the code that sends it (errorFormatter in trpc.ts, app.ts's own refusals)
 * is checked against it by the compiler.
 */

export const ZFieldIssue = z.object({
  path: z.string().meta({ description: 'Where in the input, e.g. `responses.12.score`; `(input)` for the input as a whole.' }),
  message: z.string(),
});

/** A procedure refused the call: bad input, no or wrong token, missing scope, rate limit. */
export const ZProcedureError = z.object({
  message: z.string(),
  code: z.number().int().meta({ description: 'JSON-RPC error number; branch on `data.code` instead.' }),
  data: z.object({
    code: z.string().meta({
      description:
        'Stable error code: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, …',
    }),
    httpStatus: z.number().int(),
    issues: z.array(ZFieldIssue),
    retryAfterSeconds: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'On TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE: seconds until the call may be sent again.' }),
  }),
});

/** The request was refused before any procedure ran: body too large, malformed JSON, not JSON. */
export const ZHttpError = z.object({
  message: z.string(),
  code: z
    .string()
    .meta({ description: 'PAYLOAD_TOO_LARGE, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, SERVICE_UNAVAILABLE or INTERNAL_SERVER_ERROR.' }),
});

export const ZErrorBody = z.object({ error: z.union([ZProcedureError, ZHttpError]) });
export type ErrorBody = z.infer<typeof ZErrorBody>;
