import { describe, expect, it } from 'vitest';
import { ViewCache } from './view-cache.ts';

describe('ViewCache', () => {
  it('builds a view once for everyone asking, even while it is being built', async () => {
    const views = new ViewCache();
    let builds = 0;
    const build = async () => ({ build: ++builds });
    const [a, b] = await Promise.all([views.view('k', build), views.view('k', build)]);
    expect(a).toBe(b);
    expect(await views.view('k', build)).toBe(a);
    expect(builds).toBe(1);
    expect(await views.view('other', build)).toEqual({ build: 2 });
  });

  it('keeps no failed build: the next call tries again', async () => {
    const views = new ViewCache();
    await expect(views.view('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await views.view('k', async () => 'built')).toBe('built');
  });

  it('holds at most its capacity, letting the least recently used go first', async () => {
    const views = new ViewCache(2);
    await views.view('a', async () => 'a');
    await views.view('b', async () => 'b');
    await views.view('a', async () => 'a again');
    await views.view('c', async () => 'c');
    expect(views.size).toBe(2);
    expect(await views.view('a', async () => 'a rebuilt')).toBe('a');
    expect(await views.view('b', async () => 'b rebuilt')).toBe('b rebuilt');
  });
});
