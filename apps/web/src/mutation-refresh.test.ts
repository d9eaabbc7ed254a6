import { QueryObserver } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { mutationPathOf, NO_REFRESH, refreshesAfter, type MutationPath } from './mutation-refresh.ts';
import { queryClient, trpc } from './trpc.ts';

/** An error as the API sends it: a tRPC code and its HTTP status. */
function refusal(code: string, httpStatus: number): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message: code, code: -32600, data: { code, httpStatus } } });
}

describe('the mutations, read from the API router’s type', () => {
  it('are every mutation procedure and nothing else', () => {
    // Checked by the compiler (the web app's typecheck), from the router's own type: a
    // mutation added to the API is a MutationPath at once, and refreshes unless listed below.
    expectTypeOf<'team.create'>().toExtend<MutationPath>();
    expectTypeOf<'journey.interchange.import'>().toExtend<MutationPath>();
    expectTypeOf<'ingest.surveyResponses'>().toExtend<MutationPath>();
    expectTypeOf<'team.list'>().not.toExtend<MutationPath>();
    expectTypeOf<'auth.me'>().not.toExtend<MutationPath>();
    expectTypeOf<'journey.interchange.export'>().not.toExtend<MutationPath>();
    // Each exception names a mutation that exists (a renamed one fails the typecheck).
    expectTypeOf<keyof typeof NO_REFRESH>().toExtend<MutationPath>();
  });

  it('are named by the keys tRPC gives their mutations, nested routers included', () => {
    expect(mutationPathOf(trpc.team.create.mutationKey())).toBe('team.create');
    expect(mutationPathOf(trpc.journey.interchange.import.mutationKey())).toBe('journey.interchange.import');
    expect(mutationPathOf(undefined)).toBeUndefined();
  });
});

describe('refreshesAfter', () => {
  const paths: MutationPath[] = [
    'team.create',
    'journey.moveStep',
    'initiative.advance',
    'proposal.decide',
    'member.changeRole',
    'kpi.recompute',
  ];

  it('refreshes after every mutation that succeeds, but for the listed exceptions', () => {
    for (const path of paths) expect(refreshesAfter([path.split('.')], null), path).toBe(true);
    for (const path of Object.keys(NO_REFRESH)) expect(refreshesAfter([path.split('.')], null), path).toBe(false);
  });

  it('refreshes after a change written by hand, without a tRPC key (the ownership matrix’s remits)', () => {
    expect(refreshesAfter(undefined, null)).toBe(true);
  });

  it('refreshes after a refusal, which may mean the page was out of date', () => {
    for (const [code, status] of [
      ['CONFLICT', 409],
      ['PRECONDITION_FAILED', 412],
      ['BAD_REQUEST', 400],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
    ] as const) {
      expect(refreshesAfter([['proposal', 'decide']], refusal(code, status)), code).toBe(true);
    }
  });

  it('does not refresh after a lapsed session, a rate limit or a failure to reach the server', () => {
    expect(refreshesAfter([['team', 'create']], refusal('UNAUTHORIZED', 401))).toBe(false);
    expect(refreshesAfter([['team', 'create']], refusal('TOO_MANY_REQUESTS', 429))).toBe(false);
    expect(refreshesAfter([['team', 'create']], refusal('INTERNAL_SERVER_ERROR', 500))).toBe(false);
    expect(refreshesAfter([['team', 'create']], new TRPCClientError('Failed to fetch'))).toBe(false);
    expect(refreshesAfter([['auth', 'signIn']], refusal('CONFLICT', 409))).toBe(false);
  });
});

describe('the query client', () => {
  const stop: (() => void)[] = [];
  afterEach(() => {
    for (const unsubscribe of stop.splice(0)) unsubscribe();
    queryClient.clear();
  });

  /** A query on screen (observed) that counts its fetches. */
  async function shownQuery(name: string) {
    let fetches = 0;
    const observer = new QueryObserver(queryClient, { queryKey: [name], queryFn: () => ++fetches });
    stop.push(observer.subscribe(() => undefined));
    await expect.poll(() => fetches).toBe(1);
    return () => fetches;
  }

  function mutate(path: string, mutationFn: () => Promise<unknown>): Promise<unknown> {
    return queryClient
      .getMutationCache()
      .build(queryClient, { mutationKey: [path.split('.')], mutationFn })
      .execute(undefined);
  }

  it('fetches every query on screen again before a change counts as done', async () => {
    const a = await shownQuery('a');
    const b = await shownQuery('b');
    await mutate('team.create', () => Promise.resolve('done'));
    expect([a(), b()]).toEqual([2, 2]);
  });

  it('also after a refusal, and not after signing in', async () => {
    const a = await shownQuery('a');
    await expect(mutate('proposal.decide', () => Promise.reject(refusal('CONFLICT', 409)))).rejects.toThrow('CONFLICT');
    expect(a()).toBe(2);
    await mutate('auth.signIn', () => Promise.resolve('signed in'));
    expect(a()).toBe(2);
  });
});
