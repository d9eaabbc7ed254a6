import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authorizedProcedure, publicProcedure, router } from '../trpc.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

// Procedures shaped like the real ones, to cover what the published two do not.
const toy = router({
  lookup: authorizedProcedure('kpi.read')
    .input(z.object({ key: z.string(), since: z.coerce.date() }))
    .output(z.object({ at: z.date() }))
    .query(() => ({ at: new Date() })),
  ping: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(() => ({ ok: true as const })),
  untyped: authorizedProcedure('kpi.read').query(() => 1),
  adminOnly: authorizedProcedure('token.manage')
    .output(z.string())
    .query(() => ''),
  huge: authorizedProcedure('kpi.read')
    .output(z.bigint())
    .query(() => 1n),
});
const build = (...paths: string[]) =>
  buildOpenApiDocument({
    router: toy,
    operations: Object.fromEntries(paths.map((p) => [p, { summary: p, description: p }])),
    maxBodyBytes: 1024 * 1024,
  });

describe('buildOpenApiDocument', () => {
  it('sends a query its input as a URL parameter, with dates as ISO strings both ways', () => {
    const doc = build('lookup');
    const op = doc.paths['/trpc/lookup']!.get!;
    expect(op.requestBody).toBeUndefined();
    expect(op.parameters).toEqual([
      expect.objectContaining({
        name: 'input',
        in: 'query',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/LookupInput' } } },
      }),
    ]);
    expect(doc.components.schemas.LookupInput).toMatchObject({ properties: { since: { type: 'string', format: 'date-time' } } });
    expect(doc.components.schemas.LookupOutput).toMatchObject({ properties: { at: { type: 'string', format: 'date-time' } } });
    expect(Object.keys(op.responses)).not.toContain('413');
  });

  it('asks no token of a public procedure and documents no 401 or 403 for it', () => {
    const op = build('ping').paths['/trpc/ping']!.post!;
    expect(op.security).toEqual([]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '413', '415', '429']);
  });

  it('refuses to publish what it cannot describe truthfully', () => {
    expect(() => build('missing')).toThrow('there is no procedure missing');
    expect(() => build('untyped')).toThrow('untyped output is not a zod schema');
    expect(() => build('adminOnly')).toThrow('no token scope allows adminOnly');
    expect(() => build('huge')).toThrow('cannot be represented in JSON Schema');
  });
});
