/** How long a stop may take (pg-boss waits up to 10 s for running jobs) before the process exits anyway. */
const STOP_DEADLINE_MS = 20_000;

/**
 * Stops a server or worker process cleanly, whatever ends it: SIGINT or SIGTERM (exit 0), an
 * uncaught error or a database it can no longer use (reported, exit 1). `stop` closes the
 * database, which releases the embedded database's lock, so a restart right after works.
 *
 * Every signal keeps its handler: with Ctrl+C the whole process group is signalled, and a
 * wrapper (pnpm, a process manager) may pass the signal on again; a second delivery must not
 * cut the first stop short. A stop that hangs ends at the deadline; the lock is given back on
 * exit even then.
 */
export function stopOnSignalsAndFailures(
  stop: () => Promise<void>,
  options: { lost?: Promise<Error>; log?: (message: string) => void } = {},
): void {
  const log = options.log ?? ((message: string) => console.error(message));
  let stopping = false;
  const shutDown = (reason: string, code: 0 | 1) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}; stopping`);
    setTimeout(() => {
      log(`Did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(code),
      (error: unknown) => {
        log(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutDown(`${signal} received`, 0));
  const failed = (error: unknown) => {
    log(`Uncaught error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    shutDown('Stopping after an uncaught error', 1);
  };
  process.on('uncaughtException', failed);
  process.on('unhandledRejection', failed);
  void options.lost?.then((error) => shutDown(`${error.message}. Throughline cannot go on without its database`, 1));
}
