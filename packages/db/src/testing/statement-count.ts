import type { KyselyPlugin } from 'kysely';
import type { Db } from '../database.ts';

/**
 * The same database, counting the statements run through it: what a page costs in round trips
 * is a number a test can hold still while the organisation grows.
 */
export function countingDb(db: Db): { db: Db; statements: () => number; reset: () => void } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    // Called once per statement executed (never per statement compiled).
    transformResult: async ({ result }) => {
      count += 1;
      return result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    statements: () => count,
    reset: () => {
      count = 0;
    },
  };
}
