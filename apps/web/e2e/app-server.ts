import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const API_DIR = join(REPO, 'apps/api');
const WEB_DIST = join(REPO, 'apps/web/dist');
const READY_TIMEOUT_MS = 150_000;
const STOP_GRACE_MS = 10_000;

export interface AppServer {
  url: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody is listening on right now: ask the OS for one, then give it back. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built app as the README's start does (the API process serving apps/web/dist),
 * on a free port with a fresh embedded database, and waits until /readyz answers 200.
 * `baseEnv` is the test's own environment, passed in so only test files read process.env.
 */
export async function startAppServer(baseEnv: NodeJS.ProcessEnv): Promise<AppServer> {
  // WEB_DIST (which the API reads too) serves a build made elsewhere, e.g. `vite build --outDir`.
  const webDistIndex = join(baseEnv.WEB_DIST ?? WEB_DIST, 'index.html');
  if (!existsSync(webDistIndex)) {
    throw new Error(`${webDistIndex} is missing: build the web app first (pnpm --filter @throughline/web build).`);
  }
  const port = await freePort();
  const tempDir = await mkdtemp(join(tmpdir(), 'throughline-e2e-'));
  // The demo organisation, which the browser tests sign in to, whatever the shell has set.
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    THROUGHLINE_DATA_DIR: join(tempDir, 'data'),
    THROUGHLINE_DEMO: '1',
  };
  // No DATABASE_URL: the embedded database, fresh in the temp dir. No PUBLIC_URL: links point at this server.
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', join(API_DIR, 'src/main.ts')], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child, exit, () => exited !== null);
    await rm(tempDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(
      url,
      () => exited,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

async function waitUntilReady(
  url: string,
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) {
      throw new Error(`The app server exited before it was ready (code ${gone.code}, signal ${gone.signal}). Its output:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app server was not ready within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output()}`);
}

/** SIGTERM, then SIGKILL if it is still running after the grace period. */
async function stopChild(child: ChildProcess, exit: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_GRACE_MS));
  if ((await Promise.race([exit, timer])) === 'timeout' && !hasExited()) {
    child.kill('SIGKILL');
    await exit;
  }
}
