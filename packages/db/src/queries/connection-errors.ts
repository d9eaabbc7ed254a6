/**
 * SQLSTATEs that say the connection, not the statement, failed: the server shut the session
 * (57P01 admin shutdown, as pg_terminate_backend does; 57P02 crash; 57P03 starting up), a
 * connection exception (class 08), or it has no connection to give (53300).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket failures node-postgres passes on as they are. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** What node-postgres and the embedded database's thread say when there is no connection to run on. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'The embedded database is closed',
  "The embedded database's thread stopped",
];

/**
 * Whether a statement failed because the database could not be reached or its connection was
 * cut, rather than because of the statement: the same call may succeed if sent again.
 */
export function databaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}
