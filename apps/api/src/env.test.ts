import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_ENV_VARIABLES, readApiEnv } from './env.ts';

describe('PUBLIC_URL', () => {
  it('is required when HOST is not loopback, and the error says what to set', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'throughline.lan']) {
      expect(() => readApiEnv({ HOST: host })).toThrow(
        `PUBLIC_URL: is required when HOST is not a loopback address (HOST=${host}): set it to the address people open, e.g. PUBLIC_URL=https://throughline.example.com`,
      );
    }
  });

  it('may be left unset on loopback, where links use the address the server listens on', () => {
    for (const host of [undefined, '127.0.0.1', '127.0.1.1', '::1', 'localhost']) {
      expect(readApiEnv({ HOST: host }).publicUrl).toBeUndefined();
    }
  });

  it('is an http(s) address without query or fragment, kept without its trailing slash', () => {
    expect(readApiEnv({ HOST: '0.0.0.0', PUBLIC_URL: 'https://throughline.example.com/' }).publicUrl).toBe(
      'https://throughline.example.com',
    );
    expect(readApiEnv({ PUBLIC_URL: 'https://example.com/throughline' }).publicUrl).toBe('https://example.com/throughline');
    expect(() => readApiEnv({ PUBLIC_URL: 'throughline.example.com' })).toThrow('PUBLIC_URL: must be an http:// or https:// URL');
    expect(() => readApiEnv({ PUBLIC_URL: 'javascript://x.example' })).toThrow('PUBLIC_URL: must be an http:// or https:// URL');
    expect(() => readApiEnv({ PUBLIC_URL: 'https://x.example/?next=1' })).toThrow(
      'PUBLIC_URL: must be an address without ?query or #fragment',
    );
  });
});

describe('THROUGHLINE_DEMO', () => {
  it('is on by default on the embedded database and off on PostgreSQL', () => {
    expect(readApiEnv({}).demo).toBe(true);
    expect(readApiEnv({ DATABASE_URL: 'postgres://db/throughline' }).demo).toBe(false);
  });

  it('turns it on or off either way', () => {
    expect(readApiEnv({ THROUGHLINE_DEMO: '0' }).demo).toBe(false);
    expect(readApiEnv({ DATABASE_URL: 'postgres://db/throughline', THROUGHLINE_DEMO: '1' }).demo).toBe(true);
    expect(() => readApiEnv({ THROUGHLINE_DEMO: 'maybe' })).toThrow('THROUGHLINE_DEMO: must be 1 or 0');
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(readApiEnv({}).trustProxy).toEqual([]);
    expect(readApiEnv({ TRUST_PROXY: '' }).trustProxy).toEqual([]);
  });

  it("takes Express's addresses, ranges and names, comma-separated", () => {
    expect(readApiEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.1, 172.16.0.0/255.240.0.0,uniquelocal' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
      '172.16.0.0/255.240.0.0',
      'uniquelocal',
    ]);
  });

  it('refuses what would trust everyone, or is not an address, naming it', () => {
    for (const value of ['true', '1', '*', 'proxy.internal', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8']) {
      expect(() => readApiEnv({ TRUST_PROXY: `loopback,${value}` })).toThrow(`TRUST_PROXY: "${value}" is not an address, an address range`);
    }
  });
});

describe("the README's configuration table", () => {
  it('documents every variable the API reads', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('\n## Configuration\n'),
      readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1),
    );
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    for (const variable of API_ENV_VARIABLES) expect(documented).toContain(variable);
  });
});
