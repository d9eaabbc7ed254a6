import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// The repository's own config; type information is not what these rules read, so the probes
// (beside each package's src/, in no tsconfig, never seen by a typecheck running alongside) are
// linted without it.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }],
});

const written: string[] = [];
afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

/** Writes `code` to a temporary file in `dir`, lints it, deletes it, and gives back the layer rule's messages. */
async function layerErrors(dir: string, code: string, extension = 'ts'): Promise<string[]> {
  const file = join(root, dir, `layer-probe-${randomUUID()}.${extension}`);
  written.push(file);
  writeFileSync(file, `${code}\n\nexport const probe = 1;\n`);
  const [result] = await eslint.lintFiles([file]);
  rmSync(file, { force: true });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the layer rules fail lint when broken', () => {
  it('domain imports no other layer', async () => {
    for (const name of ['db', 'jobs', 'api', 'web', 'worker']) {
      expect(await layerErrors('packages/domain', `import { x } from '@throughline/${name}';\nvoid x;`), name).toEqual([
        expect.stringContaining('domain is pure'),
      ]);
    }
  });

  it('db imports no api, web, worker or jobs', async () => {
    for (const name of ['api', 'api/app', 'web', 'worker', 'jobs']) {
      expect(await layerErrors('packages/db', `import { x } from '@throughline/${name}';\nvoid x;`), name).toEqual([
        expect.stringContaining('db imports domain only'),
      ]);
    }
    expect(await layerErrors('packages/db', `import { x } from '@throughline/domain';\nvoid x;`)).toEqual([]);
  });

  it('packages import no app', async () => {
    expect(await layerErrors('packages/jobs', `import { x } from '@throughline/worker';\nvoid x;`)).toEqual([
      expect.stringContaining('imports no app'),
    ]);
    expect(await layerErrors('packages/jobs', `import { x } from '@throughline/api';\nvoid x;`)).toEqual([
      expect.stringContaining('imports no app'),
    ]);
    expect(await layerErrors('packages/client', `import { createApp } from '@throughline/api/app';\nvoid createApp;`)).toEqual([
      expect.stringContaining('only the AppRouter type'),
    ]);
    expect(await layerErrors('packages/client', `import type { AppRouter } from '@throughline/api';\nexport type R = AppRouter;`)).toEqual(
      [],
    );
  });

  it('the web app imports from the api only `import type`, and never the database', async () => {
    expect(await layerErrors('apps/web', `import { appRouter } from '@throughline/api';\nvoid appRouter;`, 'tsx')).toEqual([
      expect.stringContaining('only the AppRouter type'),
    ]);
    expect(await layerErrors('apps/web', `import type { AppRouter } from '@throughline/api';\nexport type R = AppRouter;`, 'tsx')).toEqual(
      [],
    );
    expect(await layerErrors('apps/web', `import { x } from '@throughline/db';\nvoid x;`)).toEqual([
      expect.stringContaining('never sees the database'),
    ]);
  });

  it('an app imports no other app', async () => {
    expect(await layerErrors('apps/api', `import { x } from '@throughline/worker';\nvoid x;`)).toEqual([
      expect.stringContaining('never another app'),
    ]);
    expect(await layerErrors('apps/worker', `import { x } from '@throughline/api';\nvoid x;`)).toEqual([
      expect.stringContaining('never another app'),
    ]);
  });

  it('nothing reaches into another package by a path', async () => {
    expect(await layerErrors('packages/domain', `import { x } from '../db/src/index.ts';\nvoid x;`)).toEqual([
      expect.stringContaining('by its name'),
    ]);
  });
});
