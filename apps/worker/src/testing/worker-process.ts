import { spawn, type ChildProcess } from 'node:child_process';

export interface WorkerProcess {
  /** The PostgreSQL application_name its database connections carry, for pg_stat_activity. */
  name: string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
const outputs: { name: string; text: string }[] = [];

/**
 * Starts `src/main.ts` as its own process on `databaseUrl`, the way a deployment runs a worker
 * next to the API, and resolves once it has started its jobs.
 */
export function startWorkerProcess(databaseUrl: string, name: string): Promise<WorkerProcess> {
  const main = new URL('../main.ts', import.meta.url).pathname;
  // PGAPPNAME is read by node-postgres itself, so the app's pool carries the name; pg-boss names its own.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PGAPPNAME: name },
    stdio: 'pipe',
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const printed = { name, text: '' };
  outputs.push(printed);
  const handle: WorkerProcess = {
    name,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed.text += chunk.toString();
      if (/\[worker\] started/.test(printed.text)) resolve(handle);
    });
    child.stderr.on('data', (chunk: Buffer) => (printed.text += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`worker ${name} exited (${code ?? signal}):\n${printed.text}`)));
  });
}

/** What the workers started since the last call printed, for a failed test's report. */
export function takeWorkerOutput(): string {
  return outputs
    .splice(0)
    .map(({ name, text }) => `--- ${name}\n${text}`)
    .join('\n');
}

/** Kills whatever a test left running. */
export async function killWorkerProcesses(): Promise<void> {
  await Promise.all(
    [...running]
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
  );
}
