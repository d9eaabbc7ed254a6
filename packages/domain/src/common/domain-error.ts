/**
 * The one error type that `domain` and `db` throw. `apps/api` maps each code to a transport
 * code once; nothing else in the codebase knows about tRPC or HTTP.
 */
export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  /** The database could not be reached or dropped the connection: the same call may succeed if sent again. */
  | 'SERVICE_UNAVAILABLE';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Field paths and reasons, for errors that concern particular input fields. */
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
    /** For TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (entity: string) => new DomainError('NOT_FOUND', `${entity} not found`);

/** A write that names a version someone else has already moved past. */
export const staleVersion = (entity: string) =>
  new DomainError('CONFLICT', `${entity} was changed by someone else since you loaded it; reload and try again`);
