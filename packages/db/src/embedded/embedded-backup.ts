import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { controlFile } from './backup-control.ts';
import { dataDirLockHolder, DatabaseLockedError, lockDataDir } from './data-dir-lock.ts';
import { ThreadedPglite } from './threaded-pglite.ts';

/** What a backup of the embedded database did, for the command to print. */
export interface BackupResult {
  bytes: number;
  /** Taken from the running process that holds the data dir, or from the dir itself. */
  from: 'running process' | 'data dir';
}

/**
 * Writes a consistent backup of the embedded database in `dataDir` to `file` (a gzipped tar of
 * the data dir, as PGlite dumps it). While a process holds the data dir, the dump is asked of
 * that process (see backup-control.ts): it alone may read the database, and it makes the dump
 * between statements, after a checkpoint. Otherwise the dir is opened here, under its lock.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupResult> {
  let dump: Buffer;
  let from: BackupResult['from'];
  if (dataDirLockHolder(dataDir)) {
    dump = await askRunningProcess(dataDir);
    from = 'running process';
  } else {
    if (!existsSync(dataDir)) throw new Error(`There is no embedded database at ${dataDir}`);
    const lock = lockDataDir(dataDir, { staleMs: 10_000, onLost: () => {} });
    try {
      const pglite = await ThreadedPglite.open({ dataDir });
      try {
        await pglite.query('CHECKPOINT');
        dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
      } finally {
        await pglite.close();
      }
    } finally {
      lock.release();
    }
    from = 'data dir';
  }
  // Never a half-written backup under the name asked for.
  writeFileSync(`${file}.partial`, dump);
  renameSync(`${file}.partial`, file);
  return { bytes: dump.length, from };
}

async function askRunningProcess(dataDir: string): Promise<Buffer> {
  let control: { port: number; secret: string };
  try {
    control = JSON.parse(readFileSync(controlFile(dataDir), 'utf8')) as typeof control;
  } catch {
    throw new Error(
      `The process holding ${dataDir} does not take backup requests (it may be starting, stopping, or an older release); try again, or stop it and back up the data dir`,
    );
  }
  const res = await fetch(`http://127.0.0.1:${control.port}/backup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${control.secret}` },
  });
  if (!res.ok) throw new Error(`The running process refused the backup (${res.status}): ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** What a restore did: where the data dir's earlier files were kept. */
export interface RestoreResult {
  keptAs: string | null;
}

/**
 * Replaces the embedded database in `dataDir` with the backup in `file`. Refused while a process
 * holds the data dir; the backup is checked (it opens, and is a Throughline database) before
 * anything is touched, and the files it replaces are kept beside it, renamed, not deleted.
 */
export async function restoreEmbedded(dataDir: string, file: string, now = new Date()): Promise<RestoreResult> {
  const holder = dataDirLockHolder(dataDir);
  if (holder) {
    throw new Error(
      `The embedded database at ${dataDir} is open in a running Throughline process` +
        `${typeof holder === 'object' ? ` (pid ${holder.pid})` : ''}. Stop it first, then restore; nothing was changed.`,
    );
  }
  const backup = new Blob([readFileSync(file)]);
  await checkBackup(backup, file);
  let lock;
  try {
    lock = lockDataDir(dataDir, { staleMs: 10_000, onLost: () => {} });
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw new Error(`${error.message} Nothing was changed.`, { cause: error });
    throw error;
  }
  try {
    let keptAs: string | null = null;
    if (existsSync(dataDir)) {
      keptAs = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, keptAs);
    }
    try {
      const pglite = await PGlite.create(dataDir, { loadDataDir: backup });
      await pglite.query('SELECT 1');
      await pglite.close();
    } catch (error) {
      // Put back what was there.
      rmSync(dataDir, { recursive: true, force: true });
      if (keptAs) renameSync(keptAs, dataDir);
      throw error;
    }
    return { keptAs };
  } finally {
    lock.release();
  }
}

/** Opens the backup in memory: it must load and hold Throughline's tables. */
async function checkBackup(backup: Blob, file: string): Promise<void> {
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ loadDataDir: backup });
    await pglite.query('SELECT count(*) FROM kysely_migration');
  } catch (error) {
    throw new Error(`${file} is not a backup of a Throughline embedded database (${(error as Error).message}); nothing was changed.`, {
      cause: error,
    });
  } finally {
    await pglite?.close().catch(() => {});
  }
}
