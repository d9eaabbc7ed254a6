import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEphemeralPglite, openPostgres } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a file holding a migrated data dir dump. PostgreSQL: a migrated template database. */
    testDatabaseTemplate: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; adminUrl: string; templateName: string };
  }
}

/**
 * Migrates one template per test run; each test file then gets its own copy (a PGlite loaded
 * from the dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const templateName = `tl_tpl_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${templateName}`);
    const template = openPostgres(withDatabase(adminUrl, templateName), 1);
    await migrateToLatest(template.db);
    await template.close();
    project.provide('testDatabaseTemplate', { kind: 'postgres', adminUrl, templateName });
    return async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'throughline-test-'));
  const database = await openEphemeralPglite();
  if (database.kind !== 'pglite') throw new Error('expected PGlite');
  await migrateToLatest(database.db);
  const dump = await database.pglite.dumpDataDir('none');
  const dumpFile = join(dir, 'template.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDatabaseTemplate', { kind: 'pglite', dumpFile });
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
