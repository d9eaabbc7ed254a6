import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError, type z } from 'zod';
import { databaseUnavailable, writeAuditEvent } from '@throughline/db';
import { DomainError, roleReach, scopesAllow, type Actor, type DomainErrorCode, type Permission, type Reach } from '@throughline/domain';
import type { Context } from './context.ts';
import type { ZProcedureError } from './http/error-body.schema.ts';

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export interface FieldIssue {
  path: string;
  message: string;
}

/** What each procedure declares about access; the access test reads it from the router. */
export interface ProcedureMeta {
  access: 'public' | Permission;
  /**
   * Whether an answer may be kept and sent again (http/kept-answers.ts): `stored` when it follows
   * from the organisation's rows and day alone, `actor` when it is the caller's own identity.
   */
  kept?: 'stored' | 'actor';
}

/** What a caller is told about a failure of the server's own; the detail goes to the log. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. It has been logged.';

/**
 * The fields a refusal names. None for a failure of the server's own (an output that fails its
 * schema, a database error): its paths name internals, so they go to the log (app.ts's onError)
 * and the caller learns only that it happened.
 */
function fieldIssues(error: TRPCError): FieldIssue[] {
  if (error.code === 'INTERNAL_SERVER_ERROR') return [];
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
  if (error.cause instanceof DomainError) return [...error.cause.issues];
  return [];
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Never in development mode: no stack trace ever reaches a client.
    isDev: false,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      const issues = fieldIssues(error);
      const message = internal
        ? INTERNAL_ERROR_MESSAGE
        : cause instanceof ZodError
          ? `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
          : shape.message;
      const retryAfterSeconds = cause instanceof DomainError ? (cause.retryAfterSeconds ?? null) : null;
      // The OpenAPI document publishes this shape; the compiler keeps the two in step.
      return {
        message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, issues, retryAfterSeconds },
      } satisfies z.infer<typeof ZProcedureError>;
    },
  });

/** The one place a DomainError becomes a transport error. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = unavailableAsDomainError(result.error.cause) ?? result.error.cause;
    if (cause instanceof DomainError) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * A statement that failed because the database connection was cut or could not be had, as a
 * 503 with Retry-After: the call did not happen (its transaction, if any, was rolled back), and
 * the typed client sends it again. Null for any other error.
 */
export function unavailableAsDomainError(error: unknown): DomainError | null {
  if (!databaseUnavailable(error)) return null;
  return new DomainError('SERVICE_UNAVAILABLE', 'The database is briefly unavailable; send the request again', [], 1);
}

/** For errors thrown outside a procedure (building the context): a lost connection as a 503. */
export function unavailableAsTransportError(error: unknown): unknown {
  const cause = unavailableAsDomainError(error);
  return cause ? new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: cause.message, cause }) : error;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: sign-in, sign-up, invitations, password resets. */
export const publicProcedure = t.procedure.use(mapDomainErrors).meta({ access: 'public' });

/** Who the audit log names for an actor. */
export function auditActor(actor: Actor) {
  return actor.kind === 'member' ? { type: 'user' as const, id: actor.userId } : { type: 'token' as const, id: actor.tokenId };
}

/**
 * A procedure that needs `permission`: a member whose role holds it (with the reach the role
 * gives), or an API token whose scopes allow it (always organisation-wide). Everything else
 * is refused and the refusal is written to the audit log. `kept`: see ProcedureMeta.
 */
export function authorizedProcedure(permission: Permission, kept?: ProcedureMeta['kept']) {
  return t.procedure
    .use(mapDomainErrors)
    .meta({ access: permission, ...(kept ? { kept } : {}) })
    .use(async ({ ctx, path, next }) => {
      const actor = ctx.actor;
      if (!actor) throw new DomainError('UNAUTHORIZED', 'Sign in, or call with an API token, to continue');
      if (actor.kind === 'token') {
        const limit = await ctx.rateLimiter.hit(ctx.db, `token:${actor.tokenId}`, ctx.limits.tokenRequestsPerMinute, 60_000, ctx.now());
        if (!limit.allowed) {
          throw new DomainError('TOO_MANY_REQUESTS', 'This token has made too many requests; slow down', [], limit.retryAfterSeconds);
        }
      }
      const reach: Reach | null =
        actor.kind === 'member' ? roleReach(actor.role, permission) : scopesAllow(actor.scopes, permission) ? 'organisation' : null;
      if (!reach) {
        await writeAuditEvent(ctx.db, {
          organisationId: actor.organisationId,
          actor: auditActor(actor),
          action: 'access.denied',
          entity: { type: 'procedure', id: path },
          after: { permission },
        });
        throw new DomainError(
          'FORBIDDEN',
          actor.kind === 'member'
            ? `Your role (${actor.role}) does not allow ${permission}`
            : `This token's scopes do not allow ${permission}`,
        );
      }
      return next({ ctx: { ...ctx, actor, reach, organisationId: actor.organisationId } });
    });
}
