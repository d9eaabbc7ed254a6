import { DEMO_SIGN_IN } from '@throughline/db';
import { stopOnSignalsAndFailures } from '@throughline/worker';
import { readApiEnv } from './env.ts';
import { startServer } from './server.ts';

const env = readApiEnv();
const running = await startServer(env).catch((error: Error) => {
  console.error(`Throughline could not start: ${error.message}`);
  process.exit(1);
});

console.log(`
Throughline is running at ${running.url}  (${env.role === 'all' ? 'API, worker and web' : 'API and web'}, ${
  running.database.kind === 'pglite' ? `embedded database in ${env.dataDir}` : 'PostgreSQL'
})
Sign in to the demo organisation as ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}
Started in ${(running.timings.totalMs / 1000).toFixed(1)} s. Press Ctrl+C to stop.
`);

stopOnSignalsAndFailures(() => running.stop(), { lost: running.database.lost });
