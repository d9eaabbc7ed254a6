import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openEphemeralPglite, openPostgres, type Database } from '../database.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database for one test file: PGlite by default, PostgreSQL when the run
 * has TEST_DATABASE_URL. Never cleaned by hand: close() throws the whole database away.
 */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('testDatabaseTemplate');
  if (template.kind === 'pglite') {
    return openEphemeralPglite(new Blob([readFileSync(template.dumpFile)]));
  }
  const name = `tl_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template.templateName}`);
  const database = openPostgres(withDatabase(template.adminUrl, name), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(template.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
