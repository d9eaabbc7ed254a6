import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds an embedded data dir: written into the lock when it is taken. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the process started, as Linux counts it (boot id and start tick): tells a reused pid apart. */
  started: string | null;
}

export class DatabaseLockedError extends Error {
  constructor(
    dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? ` (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})` : '';
    super(
      `The embedded database at ${dataDir} is already open in another Throughline process${who}. ` +
        `Stop that process first (a crashed one no longer holds it), ` +
        `or set DATABASE_URL to share a PostgreSQL database between several processes.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes `<dataDir>.lock`, a directory (mkdir is atomic) holding the owner's pid, host and start
 * time. A lock stays held while its owner lives, however long that owner's event loop is held
 * up or the process is stopped: on this host whether the owner is alive is asked of the system,
 * not read from how recently it refreshed the lock. So a lock left by a killed process is taken
 * at once, and a live owner's never. Only an owner on another host (a data dir on a shared
 * volume) is judged by its refreshes, and counts as gone after `staleMs` without one.
 *
 * `onLost` is told if the lock stops being ours (removed or replaced by hand): the caller must
 * stop writing to the data dir.
 */
export function lockDataDir(dataDir: string, options: { staleMs: number; onLost: (error: Error) => void }): DataDirLock {
  const lockPath = `${dataDir}.lock`;
  const ownerPath = join(lockPath, 'owner.json');
  const me = currentProcess();
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = heldBy(lockPath, options.staleMs);
      if (held !== 'abandoned' || attempt > 0) throw new DatabaseLockedError(dataDir, typeof held === 'object' ? held : null);
      rmSync(lockPath, { recursive: true, force: true });
    }
  }
  writeFileSync(ownerPath, JSON.stringify(me));

  let released = false;
  const releaseOnExit = () => release();
  // Kept fresh for an opener on another host; and checked, so a lock taken from under us is noticed.
  const refresh = setInterval(
    () => {
      void (async () => {
        try {
          const owner = JSON.parse(await readFile(ownerPath, 'utf8')) as LockOwner;
          if (!sameProcess(owner, me)) throw new Error(`pid ${owner.pid} on ${owner.host} took it over`);
          const now = new Date();
          await utimes(ownerPath, now, now);
        } catch (error) {
          if (released) return;
          clearInterval(refresh);
          process.off('exit', releaseOnExit);
          released = true;
          options.onLost(new Error(`The embedded database's lock ${lockPath} was lost: ${(error as Error).message}`));
        }
      })();
    },
    Math.max(200, options.staleMs / 5),
  );
  refresh.unref();
  // A process that exits without closing (an uncaught error, process.exit) still gives it back.
  process.on('exit', releaseOnExit);

  function release(): void {
    if (released) return;
    released = true;
    clearInterval(refresh);
    process.off('exit', releaseOnExit);
    if (sameProcess(readOwner(ownerPath), me)) rmSync(lockPath, { recursive: true, force: true });
  }
  return { release };
}

/** Who holds the data dir's lock, or null when nobody does (none, or its owner is gone). */
export function dataDirLockHolder(dataDir: string, staleMs = 10_000): LockOwner | 'unknown' | null {
  const lockPath = `${dataDir}.lock`;
  try {
    statSync(lockPath);
  } catch {
    return null;
  }
  const held = heldBy(lockPath, staleMs);
  return held === 'abandoned' ? null : held;
}

/** The lock's owner while it holds the lock; 'unknown' for a lock being taken (or an older release's, without owner). */
function heldBy(lockPath: string, staleMs: number): LockOwner | 'unknown' | 'abandoned' {
  const ownerPath = join(lockPath, 'owner.json');
  const owner = readOwner(ownerPath);
  if (!owner) return freshSince(lockPath, staleMs) ? 'unknown' : 'abandoned';
  if (owner.host !== hostname()) return freshSince(ownerPath, staleMs) ? owner : 'abandoned';
  return alive(owner) ? owner : 'abandoned';
}

function readOwner(ownerPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, started: owner.started ?? null }
      : null;
  } catch {
    return null;
  }
}

function freshSince(path: string, staleMs: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < staleMs;
  } catch {
    return false;
  }
}

function currentProcess(): LockOwner {
  return { pid: process.pid, host: hostname(), started: startedAt(process.pid) };
}

function sameProcess(a: LockOwner | null, b: LockOwner): boolean {
  return !!a && a.pid === b.pid && a.host === b.host && a.started === b.started;
}

/** Whether the process is still running (a zombie is not; a reused pid is told apart by its start time). */
function alive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  if (stat === null) return true; // no /proc: the pid alone has to do
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return owner.started === null || owner.started === startedAt(owner.pid);
}

/** Linux's boot id and the process's start tick; null where /proc does not say. */
function startedAt(pid: number): string | null {
  const stat = procStat(pid);
  if (!stat) return null;
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${stat.startTicks}`;
  } catch {
    return `:${stat.startTicks}`;
  }
}

function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, startTicks: fields[19]! };
  } catch {
    return null;
  }
}
