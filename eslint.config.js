import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, as lint rules: dependencies point one way, `domain` ← `db` ← `jobs` ← `api`,
 * `worker`; `web` imports `domain` and the api's types only; no package imports an app.
 * .ci/layer-rules.test.ts breaks each rule on purpose and expects lint to fail.
 */
const layer = (names, message, allowTypeImports = false) => ({
  group: names.flatMap((name) => [`@throughline/${name}`, `@throughline/${name}/*`]),
  message,
  allowTypeImports,
});
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        ...patterns,
        {
          regex: String.raw`^(\.\./)+((apps|packages)/)?(api|web|worker|db|domain|client|jobs)/src(/|$)`,
          message: 'Import another package by its name, not by a path into its files.',
        },
      ],
    },
  ],
});
const APPS = ['api', 'web', 'worker'];
const layerRules = [
  {
    files: ['packages/domain/**/*.{ts,tsx}'],
    rules: restrict(layer(['db', 'jobs', 'client', ...APPS], 'domain is pure: zod schemas and rules, no I/O, importing no other layer.')),
  },
  { files: ['packages/db/**/*.{ts,tsx}'], rules: restrict(layer(['jobs', 'client', ...APPS], 'db imports domain only.')) },
  { files: ['packages/jobs/**/*.{ts,tsx}'], rules: restrict(layer(['client', ...APPS], 'A package imports no app, and jobs no client.')) },
  {
    files: ['packages/client/**/*.{ts,tsx}'],
    rules: restrict(
      layer(['api'], 'The client takes only the AppRouter type from the api: `import type`.', true),
      layer(['jobs', 'web', 'worker'], 'A package imports no app.'),
    ),
  },
  {
    // The client's own integration tests run it against the real server.
    files: ['packages/client/**/*.int.test.ts'],
    rules: restrict(layer(['jobs', 'web', 'worker'], 'A package imports no app.')),
  },
  { files: ['apps/api/**/*.{ts,tsx}'], rules: restrict(layer(['web', 'worker', 'client'], 'An app imports packages, never another app.')) },
  { files: ['apps/worker/**/*.{ts,tsx}'], rules: restrict(layer(['api', 'web', 'client'], 'An app imports packages, never another app.')) },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: restrict(
      layer(['api'], 'The web app takes only the AppRouter type from the api: `import type`.', true),
      layer(['db', 'jobs', 'worker'], 'The web app never sees the database: it talks to the api.'),
    ),
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-results/**', '**/.readme-example-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware rules read each file's own tsconfig through TypeScript's project service.
    languageOptions: { globals: { ...globals.node }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Migrations are written against Kysely<any> on purpose: they are frozen in time.
      '@typescript-eslint/no-explicit-any': 'off',
      // An async function without await is how an implementation of a promise-returning interface
      // (a Kysely plugin, a notifier, a test double) turns a throw into a rejection; kept.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration in env.ts only.' },
      ],
    },
  },
  {
    // Plain JavaScript (this file) is in no tsconfig: no type-aware rules there.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining …) and a fetched JSON body are typed `any`.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    files: ['**/env.ts', '**/*.test.ts', '**/bench/**', '**/vitest*.config.ts', '**/testing/**', '**/.ci/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
);
