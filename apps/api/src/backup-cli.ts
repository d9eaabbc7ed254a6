// pnpm db:backup FILE / pnpm db:restore FILE: the embedded database's backups (see the README's
// "Faults and backups"). On PostgreSQL, pg_dump and pg_restore do this; the command says so.
import { resolve } from 'node:path';
import { backupEmbedded, restoreEmbedded } from '@throughline/db';
import { readApiEnv } from './env.ts';

const [command, target] = process.argv.slice(2);
const env = readApiEnv();
if ((command !== 'backup' && command !== 'restore') || !target) {
  console.error('usage: pnpm db:backup FILE | pnpm db:restore FILE');
  process.exit(2);
}
if (env.databaseUrl) {
  console.error(
    command === 'backup'
      ? 'DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g. pg_dump --format=custom --file=throughline.dump "$DATABASE_URL"'
      : 'DATABASE_URL is set: restore PostgreSQL with pg_restore, e.g. pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" throughline.dump',
  );
  process.exit(2);
}
// pnpm runs this in apps/api; a relative FILE means where the command was typed.
const file = resolve(env.cwd, target);
try {
  if (command === 'backup') {
    const result = await backupEmbedded(env.dataDir, file);
    console.log(`Backed up ${env.dataDir} (${result.from}) to ${file}: ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
  } else {
    const result = await restoreEmbedded(env.dataDir, file);
    console.log(`Restored ${file} into ${env.dataDir}.${result.keptAs ? ` What was there is kept in ${result.keptAs}.` : ''}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
