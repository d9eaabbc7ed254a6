import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { WORKER_ENV_VARIABLES } from './env.ts';

describe("the README's configuration table", () => {
  it('documents every variable the worker reads', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('\n## Configuration\n'),
      readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1),
    );
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    for (const variable of WORKER_ENV_VARIABLES) expect(documented).toContain(variable);
  });
});
