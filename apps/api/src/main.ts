import { DEMO_SIGN_IN } from '@throughline/db';
import { stopOnSignalsAndFailures } from '@throughline/jobs';
import { readApiEnv, type ApiEnv } from './env.ts';
import { startServer } from './server.ts';

function refuse(error: Error): never {
  console.error(`Throughline could not start: ${error.message}`);
  process.exit(1);
}

let env: ApiEnv;
try {
  env = readApiEnv();
} catch (error) {
  refuse(error as Error);
}
const running = await startServer(env).catch(refuse);
const signInLine = env.demo
  ? `Sign in to the demo organisation as ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`
  : `Sign in, or create an organisation at ${env.publicUrl ?? running.url}/sign-up (no demo: THROUGHLINE_DEMO=1 seeds it into an empty database)`;

console.log(`
Throughline is running at ${running.url}  (${env.role === 'all' ? 'API, worker and web' : 'API and web'}, ${
  running.database.kind === 'pglite' ? `embedded database in ${env.dataDir}` : 'PostgreSQL'
})
${env.publicUrl ? `People open it at ${env.publicUrl}\n` : ''}${signInLine}
Started in ${(running.timings.totalMs / 1000).toFixed(1)} s. Press Ctrl+C to stop.
`);

stopOnSignalsAndFailures(() => running.stop(), { lost: running.database.lost });
