import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'throughline-db-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database', () => {
  it('keeps data across a restart and does not re-run migrations', async () => {
    const first = await openDatabase({ dataDir });
    expect(await migrateToLatest(first.db)).toEqual(Object.keys(migrations));
    await first.db.insertInto('organisation').values({ slug: 'kept', name: 'Kept' }).execute();
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await migrateToLatest(second.db)).toEqual([]);
    const orgs = await second.db.selectFrom('organisation').select('slug').execute();
    expect(orgs).toEqual([{ slug: 'kept' }]);
    await second.close();
    // A cold embedded database plus every migration: seconds alone, far more on a busy machine.
  }, 120_000);

  it('refuses a second opener in this process with a clear error', async () => {
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
  });

  it('makes a second process fail fast with a message that says what to do', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const script = `import { openDatabase } from ${JSON.stringify(join(import.meta.dirname, 'database.ts'))};
        await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });`;
      const started = Date.now();
      const error = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).then(
        () => null,
        (e: { stderr: string }) => e,
      );
      expect(error, 'the second process should have failed').not.toBeNull();
      expect(error!.stderr).toContain('is already open in another Throughline process');
      expect(error!.stderr).toContain('DATABASE_URL');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await first.close();
    }
  });
});
