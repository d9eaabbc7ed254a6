import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { DomainError, roleAtLeast, type DomainErrorCode, type Role } from '@throughline/domain';
import type { Context } from './context.ts';

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
};

export interface FieldIssue {
  path: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  // Never in development mode: no stack trace ever reaches a client.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let issues: FieldIssue[] = [];
    if (cause instanceof ZodError) {
      issues = cause.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
    } else if (cause instanceof DomainError) {
      issues = [...cause.issues];
    }
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const message = internal
      ? 'Something went wrong on our side. It has been logged.'
      : cause instanceof ZodError
        ? `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
        : shape.message;
    return { message, code: shape.code, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, issues } };
  },
});

/** The one place a DomainError becomes a transport error. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapDomainErrors);

/** A signed-in member of an organisation; narrows ctx.actor to non-null. */
export const memberProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A member holding at least the given role. */
export function roleProcedure(needed: Role) {
  return memberProcedure.use(({ ctx, next }) => {
    if (!roleAtLeast(ctx.actor.role, needed)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${needed} role or higher` });
    }
    return next();
  });
}
