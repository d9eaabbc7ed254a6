import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { migrateToLatest, openEphemeralPglite } from '@throughline/db';
import { readApiEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';
import { report, type Figure } from './report.ts';

// Start-up and seeding of the one-process platform on the embedded database, each beside
// the floor the database itself sets, measured in the same run on the same machine.
const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
const env = { ...readApiEnv({ PORT: '0', THROUGHLINE_DATA_DIR: join(dir, 'data') }), databaseUrl: undefined };
const quiet = () => {};

try {
  const cold = await startServer(env, quiet);
  await cold.stop();
  const warm = await startServer(env, quiet);
  await warm.stop();

  // Floor for a restart: opening the same data directory with bare PGlite and one query.
  const t0 = performance.now();
  const bare = await PGlite.create(join(dir, 'data'));
  await bare.query('SELECT 1');
  const bareOpenMs = performance.now() - t0;
  await bare.close();

  // Floor for the seed: the database generating as many survey rows itself, in one statement.
  const rows = cold.seeded.rows;
  const scratch = await openEphemeralPglite();
  await migrateToLatest(scratch.db);
  const org = await scratch.db
    .insertInto('organisation')
    .values({ slug: 'bench', name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t1 = performance.now();
  await sql`
    INSERT INTO survey_response (organisation_id, source, external_id, instrument, score, customer_id, channel, segment, occurred_at)
    SELECT ${org.id}, 'bench', 'r-' || i, 'nps', i % 11, 'C' || (i % 15000), 'web', 'Homeowner', now() - (i || ' minutes')::interval
      FROM generate_series(1, ${rows}) AS i`.execute(scratch.db);
  const generatedRowsPerSecond = rows / ((performance.now() - t1) / 1000);
  await scratch.close();

  const figures: Figure[] = [
    {
      name: 'cold start incl. migrate + demo seed',
      value: cold.timings.totalMs,
      unit: 'ms',
      baselineName: 'open bare PGlite on the data dir',
      baselineValue: bareOpenMs,
    },
    {
      name: 'warm restart (data kept, no seed)',
      value: warm.timings.totalMs,
      unit: 'ms',
      baselineName: 'open bare PGlite on the data dir',
      baselineValue: bareOpenMs,
    },
    {
      name: `demo seed (${rows.toLocaleString('en-GB')} rows)`,
      value: rows / (cold.seeded.ms / 1000),
      unit: 'rows/s',
      baselineName: 'INSERT … SELECT generate_series (same count)',
      baselineValue: generatedRowsPerSecond,
    },
  ];
  console.log(`\nThroughline start-up on the embedded database (${process.platform}, Node ${process.version})`);
  report(figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
