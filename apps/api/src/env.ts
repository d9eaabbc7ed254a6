import { isIP, isIPv4 } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The names Express's `trust proxy` takes besides addresses and ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a range (address/prefix or IPv4 address/netmask) or one of PROXY_RANGE_NAMES. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (version === 4 ? 32 : 128);
  return version === 4 && isIPv4(prefix);
}

/** Only this machine can reach a server listening here, so nobody else can be sent its links. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

const ZApiEnv = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z.string().startsWith('postgres', 'must be a postgres:// URL').optional(),
    THROUGHLINE_DATA_DIR: z.string().min(1).optional(),
    /** all: API + worker + web in one process (the default); api: API and web only. */
    THROUGHLINE_ROLE: z.enum(['all', 'api']).default('all'),
    /** Send session cookies only over HTTPS, and have browsers upgrade requests to it; turn on behind TLS. */
    COOKIE_SECURE: z.stringbool().default(false),
    WEB_DIST: z.string().optional(),
    /** The address people open, e.g. https://throughline.example.com; links in mail use it, never a request's Host. */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://throughline.example.com' })
      .refine((url) => !/[?#]/.test(url), 'must be an address without ?query or #fragment: links are built on it')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Seed the demo organisation into an empty database; unset: on the embedded database only. */
    THROUGHLINE_DEMO: z.stringbool({ error: 'must be 1 or 0' }).optional(),
    /** Who may set X-Forwarded-For / -Proto: comma-separated addresses, ranges or loopback, linklocal, uniquelocal. */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((list, ctx) => {
        const entries = list
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== '');
        for (const entry of entries.filter((e) => !isProxyEntry(e))) {
          ctx.issues.push({
            code: 'custom',
            input: list,
            message: `"${entry}" is not an address, an address range (e.g. 10.0.0.0/8) or one of ${PROXY_RANGE_NAMES.join(', ')}`,
          });
        }
        return entries;
      }),
    INIT_CWD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.PUBLIC_URL === undefined && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          `is required when HOST is not a loopback address (HOST=${env.HOST}): set it to the address people open, ` +
          'e.g. PUBLIC_URL=https://throughline.example.com; links in password-reset and invitation mail use it',
      });
    }
  });

/** Every variable the API reads, for the test that keeps the README's configuration table complete. */
export const API_ENV_VARIABLES = Object.keys(ZApiEnv.shape);

export type ApiEnv = ReturnType<typeof readApiEnv>;

/**
 * The API's configuration, parsed once at start-up; nothing else reads process.env. Throws an
 * Error naming every variable that is wrong and why, for the start-up message.
 */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env) {
  const result = ZApiEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new Error(`the configuration is invalid:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.THROUGHLINE_DATA_DIR ?? `${parsed.INIT_CWD ?? process.cwd()}/.throughline/data`,
    role: parsed.THROUGHLINE_ROLE,
    cookieSecure: parsed.COOKIE_SECURE,
    webDist: parsed.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    /** Unset only on a loopback HOST: links then use the address the server listens on. */
    publicUrl: parsed.PUBLIC_URL,
    /** The demo's accounts share a published password: never on a shared PostgreSQL unless asked for. */
    demo: parsed.THROUGHLINE_DEMO ?? parsed.DATABASE_URL === undefined,
    trustProxy: parsed.TRUST_PROXY,
    /** Where the command was typed (pnpm runs scripts in the package's folder): relative paths start here. */
    cwd: parsed.INIT_CWD ?? process.cwd(),
  };
}
