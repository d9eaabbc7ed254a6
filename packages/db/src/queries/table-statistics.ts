import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Per database: rows stored since each table's statistics were last refreshed, and how many more it takes. */
const storedSinceAnalyze = new WeakMap<Db, Map<string, { stored: number; due: number }>>();

/** Databases whose server keeps planner statistics itself: PostgreSQL, with its autovacuum. */
const autovacuumed = new WeakSet<Db>();

/** Marks `db` as served by PostgreSQL, whose autovacuum keeps statistics (openPostgres does this). */
export function statisticsKeptByServer(db: Db): void {
  autovacuumed.add(db);
}

/**
 * Whether `db`'s server refreshes planner statistics on its own. An ingest then leaves them to it:
 * ANALYZE after every 20,000 rows, in the call's path, cost PostgreSQL ingestion a quarter of its
 * speed, for statistics autovacuum refreshes by the same rule within a minute.
 */
export function serverKeepsStatistics(db: Db): boolean {
  return autovacuumed.has(db);
}

/** After how many new rows a table's statistics are refreshed, at least. */
export const ANALYZE_AFTER_ROWS = 20_000;
/** ...or this share of the table as last analysed, whichever is more (autovacuum's own rule). */
export const ANALYZE_SCALE_FACTOR = 0.1;

/**
 * Counts rows stored into an event table and, once ANALYZE_AFTER_ROWS of them (or a tenth of the
 * table, if more) have arrived, refreshes its planner statistics. The embedded database has no autovacuum: a table that has just been filled
 * keeps the statistics of when it was empty, and the planner then picks nested loops over every
 * row. On PostgreSQL autovacuum would get there too; this only gets there sooner. Returns whether
 * it analysed.
 */
export async function noteRowsStored(
  db: Db,
  table: 'survey_response' | 'operational_event',
  rows: number,
  threshold = ANALYZE_AFTER_ROWS,
): Promise<boolean> {
  if (rows <= 0) return false;
  let counts = storedSinceAnalyze.get(db);
  if (!counts) storedSinceAnalyze.set(db, (counts = new Map<string, { stored: number; due: number }>()));
  const state = counts.get(table) ?? { stored: 0, due: threshold };
  state.stored += rows;
  counts.set(table, state);
  if (state.stored < state.due) return false;
  state.stored = 0;
  await sql`ANALYZE ${sql.table(table)}`.execute(db);
  const { rows: sized } = await sql<{
    rows: number;
  }>`SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = ${table}::regclass`.execute(db);
  state.due = Math.max(threshold, ANALYZE_SCALE_FACTOR * (sized[0]?.rows ?? 0));
  return true;
}
