import { sql } from 'kysely';
import type { Db } from '@throughline/db';

export interface RunStateGate {
  /** Backends of this database waiting at the gate, with the application_name they connected as. */
  waiting(): Promise<{ pid: number; applicationName: string }[]>;
  /** Whether backend `pid` holds a write lock on kpi_result: it has written results, uncommitted. */
  hasWrittenResults(pid: number): Promise<boolean>;
  open(): Promise<void>;
}

/**
 * Holds every KPI recompute at its last statement. The engine writes a run's rollups and results,
 * then records the run in kpi_run_state and commits; a SHARE lock on kpi_run_state lets it read
 * that table and write everything else, and stops it at that record with all its results written
 * but not committed. How a test catches a job mid-flight without racing it.
 */
export async function closeRunStateGate(db: Db): Promise<RunStateGate> {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let closed!: () => void;
  const isClosed = new Promise<void>((resolve) => (closed = resolve));
  const held = db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE kpi_run_state IN SHARE MODE`.execute(trx);
    closed();
    await opened;
  });
  await Promise.race([isClosed, held]);

  const thisDatabase = sql`(SELECT oid FROM pg_database WHERE datname = current_database())`;
  return {
    waiting: async () =>
      (
        await sql<{ pid: number; applicationName: string }>`
          SELECT l.pid, a.application_name AS "applicationName"
          FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.database = ${thisDatabase} AND l.relation = 'kpi_run_state'::regclass AND NOT l.granted`.execute(db)
      ).rows,
    hasWrittenResults: async (pid) =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_locks
          WHERE database = ${thisDatabase} AND pid = ${pid} AND relation = 'kpi_result'::regclass AND mode = 'RowExclusiveLock' AND granted`.execute(
          db,
        )
      ).rows[0]!.n > 0,
    open: async () => {
      open();
      await held;
    },
  };
}
