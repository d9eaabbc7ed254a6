import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DatabaseLockedError, openDatabase } from '../database.ts';
import { lockDataDir } from './data-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'throughline-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDataDir = () => join(dir, `data-${++n}`);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Another process holding the data dir, as a server would (see testing/hold-data-dir.ts). */
async function startOwner(dataDir: string): Promise<{ child: ChildProcess; output: () => string; nextOk: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'testing', 'hold-data-dir.ts'), dataDir], {
    stdio: 'pipe',
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = (test: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (test()) {
          clearInterval(poll);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearInterval(poll);
          reject(new Error(`the owner exited (${child.exitCode ?? child.signalCode}):\n${output}`));
        }
      }, 50);
    });
  await waitFor(() => output.includes('open'));
  return {
    child,
    output: () => output,
    nextOk: () => {
      const seen = output.split('ok').length;
      return waitFor(() => output.split('ok').length > seen);
    },
  };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe("the embedded database's lock", () => {
  it('stays with an owner that is alive but has not refreshed it for longer than the stale time (stopped: SIGSTOP)', async () => {
    const dataDir = freshDataDir();
    const owner = await startOwner(dataDir);
    owner.child.kill('SIGSTOP');
    try {
      await new Promise((r) => setTimeout(r, 3_500));
      const refused = await openDatabase({ dataDir, lockStaleMs: 2_000 }).then(
        async (db) => {
          await db.close();
          return null;
        },
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DatabaseLockedError);
      expect((refused as Error).message).toContain(`(pid ${owner.child.pid})`);
    } finally {
      owner.child.kill('SIGCONT');
    }
    // The owner goes on serving: its lock was never taken from it.
    await owner.nextOk();
    expect(owner.child.exitCode).toBeNull();
    expect(owner.output()).not.toMatch(/lost|ECOMPROMISED/);
  }, 60_000);

  it('is taken at once from an owner that was killed (SIGKILL), with no stale time to wait', async () => {
    const dataDir = freshDataDir();
    const owner = await startOwner(dataDir);
    owner.child.kill('SIGKILL');
    await exited(owner.child);
    const started = Date.now();
    const database = await openDatabase({ dataDir });
    expect(Date.now() - started).toBeLessThan(5_000);
    await database.close();
  }, 60_000);

  it('judges an owner on another host by its refreshes: held while fresh, taken once stale', () => {
    const dataDir = freshDataDir();
    mkdirSync(`${dataDir}.lock`, { recursive: true });
    const ownerFile = join(`${dataDir}.lock`, 'owner.json');
    writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: 'elsewhere.example', started: null }));
    expect(() => lockDataDir(dataDir, { staleMs: 2_000, onLost: () => {} })).toThrow(/pid \d+ on elsewhere\.example/);
    const old = new Date(Date.now() - 5_000);
    utimesSync(ownerFile, old, old);
    lockDataDir(dataDir, { staleMs: 2_000, onLost: () => {} }).release();
  });

  it('tells a reused pid from its owner by the start time, where the system gives it', () => {
    const dataDir = freshDataDir();
    mkdirSync(`${dataDir}.lock`, { recursive: true });
    // This very process, but started at another time: the owner that had this pid is gone.
    writeFileSync(join(`${dataDir}.lock`, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname(), started: 'another-boot:1' }));
    if (process.platform !== 'linux') return;
    lockDataDir(dataDir, { staleMs: 2_000, onLost: () => {} }).release();
  });

  it('tells its owner when the lock is taken away, so it stops using the data dir', async () => {
    const dataDir = freshDataDir();
    const lost: Error[] = [];
    let told!: () => void;
    const isTold = new Promise<void>((resolve) => (told = resolve));
    const onLost = (error: Error) => {
      lost.push(error);
      told();
    };
    const lock = lockDataDir(dataDir, { staleMs: 1_000, onLost });
    rmSync(`${dataDir}.lock`, { recursive: true });
    // Told at its next refresh, however late a busy machine runs it (the test's timeout bounds the wait).
    await isTold;
    expect(lost.map((e) => e.message)).toEqual([expect.stringContaining('was lost')]);
    lock.release();
  });
});
