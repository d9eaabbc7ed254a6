import { randomUUID } from 'node:crypto';
import { adminQuery, withDatabase } from '@throughline/db/testing/global-setup';

/**
 * A database of the bench's own on the PostgreSQL server BENCH_DATABASE_URL names, created now
 * and dropped by `drop`, so a bench never migrates into, grows or leaves rows in the database it
 * was pointed at. Without a server: no url (the bench runs on the embedded database).
 */
export async function scratchDatabase(
  adminUrl: string | undefined,
  label: string,
): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (!adminUrl) return { url: undefined, drop: async () => {} };
  const name = `tl_bench_${label}_${randomUUID().slice(0, 8)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
