// Run as a process of its own by tests: holds an embedded data dir as a server would (its lock
// set to go stale after 2 s without a refresh), prints `open`, then `ok` each time a statement
// answers (every 300 ms), until it is stopped.
import { sql } from 'kysely';
import { openDatabase } from '../database.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-dir.ts DATA_DIR');
const database = await openDatabase({ dataDir, lockStaleMs: 2_000 });
console.log('open');
void database.lost.then((error) => {
  console.error(error.message);
  process.exit(1);
});
setInterval(() => void sql`SELECT 1`.execute(database.db).then(() => console.log('ok')), 300);
