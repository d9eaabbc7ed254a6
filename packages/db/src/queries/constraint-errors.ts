import type { DomainError } from '@throughline/domain';

/**
 * The constraint a statement broke, when it broke a unique one (SQLSTATE 23505). Both pg and
 * PGlite report PostgreSQL's error fields, so one check serves both databases.
 */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' ? (e.constraint ?? '') : null;
}

/** A foreign key that points nowhere (SQLSTATE 23503), e.g. an id from another organisation. */
export function foreignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23503';
}

/** For a write's `.catch()`: a unique violation becomes the refusal `taken()` names; anything else goes on as it was. */
export const uniqueAs =
  (taken: () => DomainError) =>
  (error: unknown): never => {
    throw uniqueViolation(error) !== null ? taken() : error;
  };
